-- What a change did, as data: the JSON of domain::change::ChangeSummary, worded when it is
-- shown so that undo speaks the language on screen. Rows logged before this migration have
-- NULL here and keep their sentence in `summary`.
ALTER TABLE audit_log ADD COLUMN summary_json TEXT;
