-- The bracket register (server/negotiation): one row per bracket a document ever had. Alternatives, linked
-- threads, the opener and the cleaning record are JSON: they are read and written with their bracket, never
-- queried on their own.
CREATE TABLE bracket_register (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_name TEXT NOT NULL,
  bracket_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inline', 'block')),
  state TEXT NOT NULL CHECK (state IN ('open', 'cleaned', 'withdrawn', 'removed-by-restore')),
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  area TEXT,
  clause_id TEXT,
  alternatives TEXT NOT NULL,
  thread_ids TEXT NOT NULL,
  cleaning TEXT,
  closed_at TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (document_name, bracket_id)
);
