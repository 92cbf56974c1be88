-- xungkich store, schema 1: every entity of the plan, so later features add behaviour, not tables.
-- Times are RFC 3339 with offset (+07:00); dates are YYYY-MM-DD.

CREATE TABLE campaign (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    code          TEXT NOT NULL,
    title         TEXT NOT NULL,
    short_title   TEXT NOT NULL,
    district      TEXT NOT NULL,
    city          TEXT NOT NULL,
    issued_on     TEXT NOT NULL,
    starts_on     TEXT NOT NULL,
    ends_on       TEXT NOT NULL,
    timezone      TEXT NOT NULL,
    organisers    TEXT NOT NULL,          -- JSON array of names
    contact_name  TEXT NOT NULL,
    contact_role  TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    source_name   TEXT NOT NULL,          -- the campaign file it was seeded from
    seeded_at     TEXT NOT NULL
);

CREATE TABLE units (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('ward','agency','public_service','vertical','youth_base')),
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    sort_order     INTEGER NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE volunteer_days (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    round                 INTEGER NOT NULL,
    date                  TEXT NOT NULL,
    title                 TEXT NOT NULL,
    host                  TEXT NOT NULL DEFAULT '',
    registration_deadline TEXT NOT NULL,
    report_deadline       TEXT NOT NULL
);

CREATE TABLE requirements (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    short_title      TEXT NOT NULL,
    source           TEXT NOT NULL CHECK (source IN ('manual','initiative','volunteer_registration','quick_report')),
    applies_to       TEXT NOT NULL,       -- comma-separated unit kinds
    deadline         TEXT,                -- NULL: the end of the campaign
    volunteer_day_id INTEGER REFERENCES volunteer_days(id),
    evidence         TEXT NOT NULL DEFAULT '',
    sort_order       INTEGER NOT NULL
);

-- Manual ticks of the checklist. Computed requirements read their own tables instead.
CREATE TABLE checks (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    requirement_id INTEGER NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,
    done_at        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    UNIQUE (unit_id, requirement_id)
);

CREATE TABLE fields (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE activities (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE initiatives (
    id                 INTEGER PRIMARY KEY,
    unit_id            INTEGER NOT NULL REFERENCES units(id),
    kind               TEXT NOT NULL CHECK (kind IN ('model','solution','initiative')),
    title              TEXT NOT NULL,
    field_id           INTEGER REFERENCES fields(id),
    summary            TEXT NOT NULL DEFAULT '',
    expected_effect    TEXT NOT NULL DEFAULT '',
    registered_on      TEXT NOT NULL,
    stage              TEXT NOT NULL CHECK (stage IN ('registered','implementing','evaluated','proposed','commended')),
    score              REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
    evaluation_notes   TEXT NOT NULL DEFAULT '',
    commendation_level TEXT CHECK (commendation_level IS NULL OR commendation_level IN ('district_chair','city')),
    commendation_for   TEXT,              -- NULL or '' for the collective, else a person's name
    replicated         INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX initiatives_unit ON initiatives(unit_id, registered_on);
CREATE INDEX initiatives_registered ON initiatives(registered_on);
CREATE INDEX initiatives_stage ON initiatives(stage);

CREATE TABLE initiative_stages (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    stage         TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX initiative_stages_initiative ON initiative_stages(initiative_id);

CREATE TABLE initiative_replications (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    since         TEXT NOT NULL,
    UNIQUE (initiative_id, unit_id)
);

CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    unit_id          INTEGER NOT NULL REFERENCES units(id),
    volunteer_day_id INTEGER NOT NULL REFERENCES volunteer_days(id),
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    kpi_code         TEXT
);

CREATE TABLE registrations (
    id                 INTEGER PRIMARY KEY,
    volunteer_day_id   INTEGER NOT NULL REFERENCES volunteer_days(id) ON DELETE CASCADE,
    unit_id            INTEGER NOT NULL REFERENCES units(id),
    activities         TEXT NOT NULL DEFAULT '[]',   -- JSON array of activity codes
    other_activity     TEXT NOT NULL DEFAULT '',
    place              TEXT NOT NULL DEFAULT '',
    planned_volunteers INTEGER CHECK (planned_volunteers IS NULL OR planned_volunteers >= 0),
    registered_at      TEXT NOT NULL,
    UNIQUE (volunteer_day_id, unit_id)
);

-- One row per (day, unit, metric): the figure as last saved. Metrics are codes such as
-- volunteers, citizens, businesses, files_received, files_resolved, online_guided, einvoice,
-- land_total, land_resolved.
CREATE TABLE figures (
    id               INTEGER PRIMARY KEY,
    volunteer_day_id INTEGER NOT NULL REFERENCES volunteer_days(id) ON DELETE CASCADE,
    unit_id          INTEGER NOT NULL REFERENCES units(id),
    metric           TEXT NOT NULL,
    value            INTEGER NOT NULL CHECK (value >= 0 AND value <= 1000000),
    updated_at       TEXT NOT NULL,
    UNIQUE (volunteer_day_id, unit_id, metric)
);
CREATE INDEX figures_unit ON figures(unit_id);

CREATE TABLE reports (
    id               INTEGER PRIMARY KEY,
    volunteer_day_id INTEGER NOT NULL REFERENCES volunteer_days(id) ON DELETE CASCADE,
    unit_id          INTEGER NOT NULL REFERENCES units(id),
    received_at      TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    UNIQUE (volunteer_day_id, unit_id)
);

CREATE TABLE photos (
    id            INTEGER PRIMARY KEY,
    report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    path          TEXT NOT NULL,          -- relative to the data folder
    original_name TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    added_at      TEXT NOT NULL
);
CREATE INDEX photos_report ON photos(report_id);

CREATE TABLE kpis (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    definition  TEXT NOT NULL,
    numerator   TEXT NOT NULL,
    denominator TEXT NOT NULL,
    target      REAL CHECK (target IS NULL OR (target >= 0 AND target <= 100)),
    target_note TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL CHECK (source IN ('computed','measured')),
    sort_order  INTEGER NOT NULL
);

CREATE TABLE kpi_measurements (
    id           INTEGER PRIMARY KEY,
    kpi_id       INTEGER NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    numerator    REAL NOT NULL CHECK (numerator >= 0),
    denominator  REAL NOT NULL CHECK (denominator >= 0),
    unit_id      INTEGER REFERENCES units(id),
    note         TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL
);
CREATE INDEX kpi_measurements_kpi ON kpi_measurements(kpi_id, period_end);

CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    owner      TEXT NOT NULL DEFAULT '',
    date       TEXT,
    status     TEXT NOT NULL CHECK (status IN ('planned','in_progress','done','cancelled')),
    note       TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL
);

-- Every user change: one change_id groups the row edits of one action, so `u` undoes it whole.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    change_id   INTEGER NOT NULL,
    at          TEXT NOT NULL,
    entity      TEXT NOT NULL,            -- table name
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
    before_json TEXT,
    after_json  TEXT,
    summary     TEXT NOT NULL DEFAULT '',
    undone_at   TEXT
);
CREATE INDEX audit_log_change ON audit_log(change_id);
