-- The bracket register (server/negotiation): one row per bracket a document ever had. Alternatives, linked
-- threads, the opener and the cleaning record are JSON: they are read and written with their bracket, never
-- queried on their own.
CREATE TABLE bracket_register (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_name text NOT NULL,
  bracket_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('inline', 'block')),
  state text NOT NULL CHECK (state IN ('open', 'cleaned', 'withdrawn', 'removed-by-restore')),
  opened_by jsonb NOT NULL,
  opened_at text NOT NULL,
  area text,
  clause_id text,
  alternatives jsonb NOT NULL,
  thread_ids jsonb NOT NULL,
  cleaning jsonb,
  closed_at text,
  updated_at text NOT NULL,
  UNIQUE (document_name, bracket_id)
);
