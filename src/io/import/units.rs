//! Units: a row with a code adds that unit or updates it; a row with only a name updates the
//! unit of that name (a new unit needs a code, so a misspelt name never adds a near-twin).

use super::{Outcome, Planner, Row, did_you_mean};
use crate::domain::import::Col;
use crate::domain::phone::parse_phone;
use crate::domain::sheet::key;
use crate::domain::unit::UnitKind;
use crate::domain::unit_match::UnitMiss;
use crate::store::ImportOp;
use crate::text::clean;

const NAME_MAX: usize = 200;
const CODE_MAX: usize = 40;

pub(super) fn plan(p: &mut Planner<'_, '_>) {
    // A kind is recognised by its code or by any of its labels, in either language.
    let declared = &p.ctx.board.kinds;
    let kinds: Vec<(Vec<String>, UnitKind)> = declared
        .iter()
        .map(|d| {
            let labels = [&d.name, &d.short, &d.name_en, &d.short_en];
            let mut names = vec![d.kind.code().to_string()];
            names.extend(labels.into_iter().filter(|l| !l.is_empty()).cloned());
            (names, d.kind.clone())
        })
        .collect();
    let s = p.s();
    let shown: Vec<String> = declared
        .kinds()
        .map(|k| clean(s.unit_kind(declared, k)).into_owned())
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    for row in p.rows().collect::<Vec<_>>() {
        plan_row(p, &row, &kinds, &shown);
    }
}

fn plan_row(
    p: &mut Planner<'_, '_>,
    row: &Row<'_>,
    kinds: &[(Vec<String>, UnitKind)],
    shown: &[&str],
) {
    let s = p.s();
    let code = p.cell(row, Col::UnitCode);
    let name = p.text(row, Col::UnitName, NAME_MAX);
    let kind = p.choice(row, Col::UnitKind, kinds, shown);
    let contact = p.text(row, Col::ContactPerson, NAME_MAX);
    let phone = match p.cell(row, Col::Phone) {
        None => Ok(None),
        // Kept as written (as the contact form does), once it reads as a phone number.
        Some(text) => match parse_phone(text) {
            Ok(_) => Ok(Some(text.to_string())),
            Err(e) => {
                p.error(row, Some(Col::Phone), s.phone_error(&e));
                Err(())
            }
        },
    };
    let (Ok(name), Ok(kind), Ok(contact), Ok(phone)) = (name, kind, contact, phone) else {
        return;
    };
    let existing = match code {
        Some(code) => {
            let k = key(code);
            p.ctx.board.units.iter().find(|u| key(&u.code) == k)
        }
        None => {
            let Some(n) = name.as_deref() else {
                p.error(row, Some(Col::UnitName), s.im_err_empty_cell.to_string());
                return;
            };
            match p.matcher.find(n) {
                Ok(id) => p.ctx.board.units.iter().find(|u| u.id == id),
                Err(miss) => {
                    let hint = match &miss {
                        UnitMiss::Unknown { suggestions } => did_you_mean(suggestions, s),
                        UnitMiss::Ambiguous(names) => did_you_mean(names, s),
                    };
                    let reason = s.im_err_unit_new(s.quote(n), &hint);
                    p.error(row, Some(Col::UnitName), reason);
                    return;
                }
            }
        }
    };
    let natural = match (existing, code) {
        (Some(u), _) => format!("unit:{}", u.id),
        (None, Some(c)) => format!("code:{}", key(c)),
        (None, None) => return,
    };
    let key_col = if code.is_some() {
        Col::UnitCode
    } else {
        Col::UnitName
    };
    if p.duplicate(row, natural, key_col) {
        return;
    }
    match existing {
        Some(u) => {
            let mut changed = Vec::new();
            let mut differs = |col: Col, new: Option<&str>, old: &str| -> Option<String> {
                let new = new?;
                (new != old).then(|| {
                    changed.push(p.header(col));
                    new.to_string()
                })
            };
            // Found by its name, the name is how the row points at the unit, not a new one.
            let renamed = if code.is_some() {
                name.as_deref()
            } else {
                None
            };
            let name = differs(Col::UnitName, renamed, &u.name);
            let kind = kind.filter(|k| *k != u.kind);
            let contact = differs(Col::ContactPerson, contact.as_deref(), &u.contact_person);
            // 0903.123.456 and 0903123456 are the same number: not a change.
            let same_number = |a: &str, b: &str| parse_phone(a).ok() == parse_phone(b).ok();
            let phone = phone
                .as_deref()
                .filter(|new| !same_number(new, &u.phone))
                .and_then(|new| differs(Col::Phone, Some(new), &u.phone));
            if kind.is_some() {
                changed.push(p.header(Col::UnitKind));
            }
            let label = u.name.clone();
            if changed.is_empty() {
                p.item(row, Outcome::Unchanged, label, changed);
                return;
            }
            p.plan.ops.push(ImportOp::UpdateUnit {
                id: u.id,
                name,
                kind,
                contact_person: contact,
                phone,
            });
            p.item(row, Outcome::Update, label, changed);
        }
        None => {
            let Some(code) = code else { return };
            let mut ok = true;
            if code.chars().count() > CODE_MAX
                || !code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                p.error(row, Some(Col::UnitCode), s.im_err_code_form(s.quote(code)));
                ok = false;
            }
            if name.is_none() {
                p.error(row, Some(Col::UnitName), s.im_err_new_unit_name.to_string());
                ok = false;
            }
            if kind.is_none() {
                let reason = s.im_err_new_unit_kind(shown.join(", "));
                p.error(row, Some(Col::UnitKind), reason);
                ok = false;
            }
            let (true, Some(name), Some(kind)) = (ok, name, kind) else {
                return;
            };
            p.plan.ops.push(ImportOp::AddUnit {
                code: code.to_string(),
                name: name.clone(),
                kind,
                contact_person: contact.unwrap_or_default(),
                phone: phone.unwrap_or_default(),
            });
            p.item(row, Outcome::Add, name, Vec::new());
        }
    }
}
