-- When a photo reached the report, for the moment a quick report first had what the plan
-- asks (received and with a photo): NULL for a photo that came with the report (the report's
-- own time counts), else when it was added to a report that was already there.
ALTER TABLE photos ADD COLUMN arrived_at TEXT;
