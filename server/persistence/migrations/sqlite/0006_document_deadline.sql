-- The date a document's text is due (YYYY-MM-DD), a setting of the co-chairs; NULL when none was set (the
-- charter then falls back to six months after the memorandum of 8 August 2025).
ALTER TABLE documents ADD COLUMN deadline TEXT;
