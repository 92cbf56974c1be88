-- The Word report (`report --format docx`): the header and signature of the organiser's
-- documents, one row, and the officer's own assessment and next steps, one row per report
-- date (the local day of the report's moment), edited through the audit log like any change.
CREATE TABLE document_header (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    superior_body    TEXT NOT NULL DEFAULT '',
    issuing_body     TEXT NOT NULL DEFAULT '',
    motto            TEXT NOT NULL DEFAULT 'ĐOÀN TNCS HỒ CHÍ MINH',
    number_suffix    TEXT NOT NULL DEFAULT 'BC',
    place            TEXT NOT NULL DEFAULT '',
    signer_on_behalf TEXT NOT NULL DEFAULT '',
    signer_role      TEXT NOT NULL DEFAULT '',
    signer_name      TEXT NOT NULL DEFAULT '',
    recipients       TEXT NOT NULL DEFAULT '[]'    -- JSON array of lines
);

CREATE TABLE report_notes (
    id          INTEGER PRIMARY KEY,
    report_date TEXT NOT NULL UNIQUE,              -- YYYY-MM-DD, local
    assessment  TEXT NOT NULL DEFAULT '',
    next_steps  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

-- A store seeded with the shipped plan 115 before this table existed gets the header the
-- shipped campaign now carries (its signer is the plan's). A new store has no campaign yet
-- when this runs: the seed writes its row. Stores of other campaigns keep none, and their
-- reports leave those lines for the office to fill.
INSERT INTO document_header (id, superior_body, issuing_body, motto, number_suffix, place,
        signer_on_behalf, signer_role, signer_name, recipients)
    SELECT 1, 'THÀNH ĐOÀN TP. HỒ CHÍ MINH', 'BCH ĐOÀN QUẬN TÂN PHÚ', 'ĐOÀN TNCS HỒ CHÍ MINH',
        'BC/ĐTN', 'Tân Phú', 'TM. BAN THƯỜNG VỤ QUẬN ĐOÀN', 'BÍ THƯ', 'Nguyễn Hải Đăng',
        '["Thành Đoàn: Ban Công nhân lao động, Văn phòng","Thường trực Quận ủy","UBND quận","Phòng Nội vụ quận","Lưu VP"]'
    WHERE EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
