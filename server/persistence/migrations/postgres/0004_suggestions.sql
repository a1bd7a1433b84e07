-- Tracked changes (issue 14): each document's suggestion settings, the decisions taken on suggestions (one per
-- suggestion: the primary key makes a second, concurrent decision fail), who wrote with each Yjs client id, and
-- who deleted which text (Yjs keeps no deleter), for redlines that name the author of every change.
ALTER TABLE documents ADD COLUMN suggestions_required boolean NOT NULL DEFAULT false;
ALTER TABLE documents ADD COLUMN reviewers_suggest boolean NOT NULL DEFAULT false;

CREATE TABLE suggestion_decisions (
  document text NOT NULL,
  suggestion_id text NOT NULL,
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('insertion', 'deletion', 'replacement')),
  decision text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  author_id text NOT NULL,
  author_name text NOT NULL,
  author_delegation text NOT NULL CHECK (author_delegation IN ('AZ', 'US')),
  suggested_at text NOT NULL,
  inserted_text text NOT NULL,
  deleted_text text NOT NULL,
  decided_by integer NOT NULL,
  decided_by_name text NOT NULL,
  decided_by_delegation text NOT NULL CHECK (decided_by_delegation IN ('AZ', 'US')),
  decided_at text NOT NULL,
  PRIMARY KEY (document, suggestion_id)
);
CREATE INDEX suggestion_decisions_in_order ON suggestion_decisions (document, seq);

CREATE TABLE client_authors (
  document text NOT NULL,
  client_id bigint NOT NULL,
  account_id text NOT NULL,
  account_name text NOT NULL,
  delegation text CHECK (delegation IN ('AZ', 'US')),
  first_seen text NOT NULL,
  PRIMARY KEY (document, client_id)
);

CREATE TABLE text_deletions (
  document text NOT NULL,
  seq bigserial PRIMARY KEY,
  client_id bigint NOT NULL,
  clock bigint NOT NULL,
  length bigint NOT NULL,
  account_id text NOT NULL,
  account_name text NOT NULL,
  delegation text CHECK (delegation IN ('AZ', 'US')),
  at text NOT NULL
);
CREATE INDEX text_deletions_by_document ON text_deletions (document, seq);
