"""Reads an exported workbook back with openpyxl and checks it against what the test knows
of the store (a JSON file written by tests/export.rs): the sheets and their order, names in
words rather than codes, each Saturday's grid with its SUM formulas, every initiative column,
and a summary that summarises. Prints "ok" or fails with the first difference."""

import datetime
import json
import sys

import openpyxl

path, expect_path = sys.argv[1], sys.argv[2]
x = json.load(open(expect_path, encoding="utf-8"))
wb = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)

assert wb.sheetnames == x["sheets"], (wb.sheetnames, x["sheets"])


def header(ws, row=1):
    return [c.value for c in ws[row]]


def column(ws, name, row=1):
    h = header(ws, row)
    assert name in h, (ws.title, name, h)
    i = h.index(name) + 1
    return [ws.cell(r, i).value for r in range(row + 1, ws.max_row + 1)]


# The long tables: bold headers, frozen under the header row.
for title in x["tables"]:
    ws = wb[title]
    assert ws.freeze_panes == "A2", (title, ws.freeze_panes)
    assert ws["A1"].font.b, title

# Names, not codes.
acts = [a for cell in column(wb[x["t_registrations"]], x["h_activities"]) if cell
        for a in cell.split(", ")]
assert acts, "the registrations name activities"
for a in acts:
    assert a in x["activity_names"], (a, x["activity_names"])
    assert a not in x["activity_codes"] or a in x["activity_names"], a
reqs = column(wb[x["t_checklist"]], x["h_requirement"])
assert set(reqs) == set(x["requirement_titles"]), (set(reqs), x["requirement_titles"])
assert not set(reqs) & set(x["requirement_codes"])
for name, words in x["words"].items():
    for v in column(wb[x["t_initiatives"]], name):
        assert v is None or v in words, (name, v, words)

# Every column the app holds, and who replicates.
ini = wb[x["t_initiatives"]]
assert header(ini) == x["h_initiatives"], header(ini)
titles = column(ini, x["h_title"])
row = titles.index(x["replicated_title"]) + 2
cell = lambda name: ini.cell(row, header(ini).index(name) + 1).value
assert cell(x["h_effect"]) == x["effect"], cell(x["h_effect"])
assert cell(x["h_notes"]) == x["notes"], cell(x["h_notes"])
assert cell(x["h_replicating"]) == x["replicating"], cell(x["h_replicating"])
assert isinstance(cell(x["h_registered"]), datetime.datetime)
assert "'" + x["hostile"] in titles and x["hostile"] not in titles

# The Saturday's grid: a unit per row, a figure per column, the totals as SUM formulas.
grid, grid_values = wb[x["grid_sheet"]], cached[x["grid_sheet"]]
head_row = 4
assert header(grid, head_row) == x["grid_header"], header(grid, head_row)
assert grid.freeze_panes == "C5", grid.freeze_panes
codes = [grid.cell(r, 1).value for r in range(head_row + 1, head_row + 1 + len(x["grid_units"]))]
assert codes == x["grid_units"], (codes, x["grid_units"])
total_row = head_row + 1 + len(x["grid_units"])
assert grid.cell(total_row, 2).value == x["total_word"], grid.cell(total_row, 2).value
for i, expected in enumerate(x["grid_totals"]):
    c = 3 + i
    letter = openpyxl.utils.get_column_letter(c)
    formula = grid.cell(total_row, c).value
    assert formula == f"=SUM({letter}{head_row + 1}:{letter}{total_row - 1})", formula
    # The result is written with the formula, for viewers that do not calculate.
    assert grid_values.cell(total_row, c).value == expected, (letter, expected)
    cells = [grid_values.cell(r, c).value or 0 for r in range(head_row + 1, total_row)]
    assert sum(cells) == expected, (letter, sum(cells), expected)
land = grid.cell(total_row + 1, 3 + x["land_resolved_col"])
assert land.value.startswith("=IF("), land.value
assert "%" in land.number_format

# The summary summarises: the campaign, the checklist per requirement, KPIs, the Saturday.
summary = cached[x["sheets"][0]]
values = [[c.value for c in r] for r in summary.iter_rows()]
flat = [v for r in values for v in r if v is not None]
assert x["campaign_title"] in flat
for req in x["progress"]:
    row = next(r for r in values if r[0] == req["title"])
    assert row[3:7] == [req["applicable"], req["done"], req["missing"], req["overdue"]], (row, req)
for k in x["kpis"]:
    row = next(r for r in values if r[0] == k["name"])
    if k["value"] is None:
        assert row[1] is None, row
    else:
        assert abs(row[1] - k["value"] / 100) < 1e-9, (row, k)
for metric, total in x["day_totals"]:
    row = next(r for r in values if r[0] == metric)
    assert row[1] == total, (row, metric, total)
print("ok")
