-- Unit kinds are the campaign's, not five fixed in code: since 2025 an organiser may be a
-- ward or the city, with kinds of its own (khu phố, trường học, cơ sở Đoàn). `youth_base`
-- marks the one kind whose units are Youth Union bases (only they act for other units).
-- `id` is what the audit log keys a row by, so undo and redo know this table as the others;
-- `code` is what units and requirements name.
CREATE TABLE unit_kinds (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    short      TEXT NOT NULL DEFAULT '',
    name_en    TEXT NOT NULL DEFAULT '',
    short_en   TEXT NOT NULL DEFAULT '',
    youth_base INTEGER NOT NULL DEFAULT 0 CHECK (youth_base IN (0, 1)),
    sort_order INTEGER NOT NULL
);
CREATE UNIQUE INDEX unit_kinds_one_youth_base ON unit_kinds(youth_base) WHERE youth_base = 1;

-- Every store so far was seeded with plan 115's five kinds (the CHECK below allowed no
-- other), labelled as the app labelled them. A new store has no campaign yet when this runs:
-- the seed replaces these with its campaign's own.
INSERT INTO unit_kinds (code, name, short, name_en, short_en, youth_base, sort_order) VALUES
    ('ward', 'UBND phường', 'Phường', 'Ward committee', 'Ward', 0, 0),
    ('agency', 'Cơ quan chuyên môn', 'CQCM', 'Specialised agency', 'Agency', 0, 1),
    ('public_service', 'Đơn vị sự nghiệp', 'ĐVSN', 'Public service unit', 'Public svc', 0, 2),
    ('vertical', 'Đơn vị ngành dọc', 'Ngành dọc', 'Vertical unit', 'Vertical', 0, 3),
    ('youth_base', 'Cơ sở Đoàn', 'Cơ sở Đoàn', 'Youth Union base', 'Youth base', 1, 4);

-- SQLite cannot drop a CHECK: `units` is built again with its kind naming a declared kind
-- instead, its rows and ids kept. This runs with foreign keys off (see migrate.rs), so the
-- tables that reference units keep their rows, and are checked before it commits.
CREATE TABLE units_new (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL REFERENCES unit_kinds(code),
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    sort_order     INTEGER NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    youth_base_id  INTEGER REFERENCES units(id)
);
INSERT INTO units_new (id, code, name, kind, contact_person, phone, sort_order, active,
        youth_base_id)
    SELECT id, code, name, kind, contact_person, phone, sort_order, active, youth_base_id
    FROM units;
DROP TABLE units;
ALTER TABLE units_new RENAME TO units;
CREATE INDEX units_kind ON units(kind);
