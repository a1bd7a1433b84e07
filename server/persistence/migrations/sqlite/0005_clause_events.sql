-- The hash-chained history of clause status, one chain per document (see server/negotiation/clauseEventChain.ts).
-- Rows are only ever inserted; (document, seq) makes a second event at the same position impossible.
CREATE TABLE clause_events (
  document TEXT NOT NULL,
  seq INTEGER NOT NULL,
  clause_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('request', 'confirm', 'cancel')),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  account_id INTEGER NOT NULL,
  account_name TEXT NOT NULL,
  delegation TEXT NOT NULL CHECK (delegation IN ('AZ', 'US')),
  at TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  reason TEXT NOT NULL,
  snapshot_id INTEGER,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (document, seq)
);

CREATE INDEX clause_events_by_clause ON clause_events (document, clause_id);
