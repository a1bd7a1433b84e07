-- Tracked changes (issue 14): each document's suggestion settings, the decisions taken on suggestions (one per
-- suggestion: the primary key makes a second, concurrent decision fail), who wrote with each Yjs client id, and
-- who deleted which text (Yjs keeps no deleter), for redlines that name the author of every change.
ALTER TABLE documents ADD COLUMN suggestions_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN reviewers_suggest INTEGER NOT NULL DEFAULT 0;

CREATE TABLE suggestion_decisions (
  document TEXT NOT NULL,
  suggestion_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insertion', 'deletion', 'replacement')),
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_delegation TEXT NOT NULL CHECK (author_delegation IN ('AZ', 'US')),
  suggested_at TEXT NOT NULL,
  inserted_text TEXT NOT NULL,
  deleted_text TEXT NOT NULL,
  decided_by INTEGER NOT NULL,
  decided_by_name TEXT NOT NULL,
  decided_by_delegation TEXT NOT NULL CHECK (decided_by_delegation IN ('AZ', 'US')),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (document, suggestion_id)
);
CREATE INDEX suggestion_decisions_in_order ON suggestion_decisions (document, seq);

CREATE TABLE client_authors (
  document TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  account_name TEXT NOT NULL,
  delegation TEXT CHECK (delegation IN ('AZ', 'US')),
  first_seen TEXT NOT NULL,
  PRIMARY KEY (document, client_id)
);

CREATE TABLE text_deletions (
  document TEXT NOT NULL,
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id INTEGER NOT NULL,
  clock INTEGER NOT NULL,
  length INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  account_name TEXT NOT NULL,
  delegation TEXT CHECK (delegation IN ('AZ', 'US')),
  at TEXT NOT NULL
);
CREATE INDEX text_deletions_by_document ON text_deletions (document, seq);
