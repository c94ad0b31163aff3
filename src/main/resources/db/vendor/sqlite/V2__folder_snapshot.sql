-- Folder mode: the snapshot taken at submission (JSON: files with SHA-256), so later changes on the share can be
-- reported to the officers.
ALTER TABLE ticket ADD COLUMN folder_snapshot TEXT;
