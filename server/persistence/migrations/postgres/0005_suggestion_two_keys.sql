-- Suggestions under the two-key rule (issue 14): a document may require two keys for every suggestion; the first
-- co-chair's key waits in suggestion_requests (one per suggestion: the primary key settles two at once) until a
-- co-chair of the other delegation confirms it, and the decision then names both.
ALTER TABLE documents ADD COLUMN suggestions_two_keys boolean NOT NULL DEFAULT false;

ALTER TABLE suggestion_decisions ADD COLUMN requested_by integer;
ALTER TABLE suggestion_decisions ADD COLUMN requested_by_name text;
ALTER TABLE suggestion_decisions ADD COLUMN requested_by_delegation text CHECK (requested_by_delegation IN ('AZ', 'US'));
ALTER TABLE suggestion_decisions ADD COLUMN requested_at text;

CREATE TABLE suggestion_requests (
  document text NOT NULL,
  suggestion_id text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  requested_by integer NOT NULL,
  requested_by_name text NOT NULL,
  requested_by_delegation text NOT NULL CHECK (requested_by_delegation IN ('AZ', 'US')),
  requested_at text NOT NULL,
  PRIMARY KEY (document, suggestion_id)
);
