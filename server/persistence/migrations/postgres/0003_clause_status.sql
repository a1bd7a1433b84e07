-- The hash-chained history of clause status, one chain per document (see server/negotiation/clauseEventChain.ts).
-- Rows are only ever inserted; (document, seq) makes a second event at the same position impossible, so two
-- instances appending at once cannot fork a chain.
CREATE TABLE clause_events (
  document text NOT NULL,
  seq integer NOT NULL,
  clause_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('request', 'confirm', 'cancel')),
  from_status text NOT NULL,
  to_status text NOT NULL,
  account_id integer NOT NULL,
  account_name text NOT NULL,
  delegation text NOT NULL CHECK (delegation IN ('AZ', 'US')),
  at text NOT NULL,
  text_hash text NOT NULL,
  reason text NOT NULL,
  snapshot_id integer,
  previous_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (document, seq)
);
CREATE INDEX clause_events_by_clause ON clause_events (document, clause_id);

-- The date a document's text is due (YYYY-MM-DD), a setting of the co-chairs.
ALTER TABLE documents ADD COLUMN deadline text;
