-- Suggestions under the two-key rule (issue 14): a document may require two keys for every suggestion; the first
-- co-chair's key waits in suggestion_requests (one per suggestion: the primary key settles two at once) until a
-- co-chair of the other delegation confirms it, and the decision then names both.
ALTER TABLE documents ADD COLUMN suggestions_two_keys INTEGER NOT NULL DEFAULT 0;

ALTER TABLE suggestion_decisions ADD COLUMN requested_by INTEGER;
ALTER TABLE suggestion_decisions ADD COLUMN requested_by_name TEXT;
ALTER TABLE suggestion_decisions ADD COLUMN requested_by_delegation TEXT CHECK (requested_by_delegation IN ('AZ', 'US'));
ALTER TABLE suggestion_decisions ADD COLUMN requested_at TEXT;

CREATE TABLE suggestion_requests (
  document TEXT NOT NULL,
  suggestion_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  requested_by INTEGER NOT NULL,
  requested_by_name TEXT NOT NULL,
  requested_by_delegation TEXT NOT NULL CHECK (requested_by_delegation IN ('AZ', 'US')),
  requested_at TEXT NOT NULL,
  PRIMARY KEY (document, suggestion_id)
);
