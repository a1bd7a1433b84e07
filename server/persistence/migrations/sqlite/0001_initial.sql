-- The schema of release 0.1.0, when each store created its own tables. IF NOT EXISTS lets a database written by
-- that release be baselined by running this file: it adds whatever tables that database never needed.

-- Document update log (SqliteDocumentStore)
CREATE TABLE IF NOT EXISTS document_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_name TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS document_updates_by_name ON document_updates (document_name, seq);

-- Accounts, sessions, sign-in links, invitations, setup secret (formerly SqliteAccountStore)
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  delegation TEXT NOT NULL CHECK (delegation IN ('AZ', 'US')),
  role TEXT NOT NULL CHECK (role IN ('co-chair', 'drafter', 'reviewer', 'observer')),
  is_admin INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('browser', 'token')),
  document_name TEXT,
  label TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS sign_in_links (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES accounts (id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS invitations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  delegation TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT,
  created_by INTEGER NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Document catalog and access rules
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 100,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_access (
  document_name TEXT NOT NULL REFERENCES documents (name) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('everyone', 'delegation', 'user')),
  subject_value TEXT,
  max_role TEXT NOT NULL
);

-- Audit log
CREATE TABLE IF NOT EXISTS audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor_login TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT NOT NULL,
  address TEXT
);

-- Comment threads
CREATE TABLE IF NOT EXISTS threads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('area', 'inline')),
  area TEXT NOT NULL,
  anchor_start TEXT,
  anchor_end TEXT,
  quote TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  resolved_by INTEGER,
  resolved_at TEXT
);
CREATE INDEX IF NOT EXISTS threads_by_document ON threads (document_name, id);
CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  author_id INTEGER NOT NULL,
  author_name TEXT NOT NULL,
  delegation TEXT NOT NULL,
  text TEXT,
  mentions TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  edited_at TEXT,
  deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS comments_by_thread ON comments (thread_id, id);

-- Meetings and snapshots
CREATE TABLE IF NOT EXISTS meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('online', 'in-person')),
  place TEXT,
  participants TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_name TEXT NOT NULL,
  name TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meetings (id),
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'before-restore')),
  state BLOB NOT NULL,
  threads TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_document ON snapshots (document_name, id);
-- History is never rewritten: the database itself refuses to change or delete a snapshot.
CREATE TRIGGER IF NOT EXISTS snapshots_are_immutable BEFORE UPDATE ON snapshots
  BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER IF NOT EXISTS snapshots_are_kept BEFORE DELETE ON snapshots
  BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
