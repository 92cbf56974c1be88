-- Each store keeps its photos in its own folder (`<store file>.photos/`), one file per
-- content named by its SHA-256; `path` is then that file name. NULL for a photo an older
-- version kept in the folder's shared `photos/` (its path as it was, relative to the store's
-- folder) until the store, opened, has brought it into its own folder.
ALTER TABLE photos ADD COLUMN sha256 TEXT;
