-- Sequence numbers per document, gap-free (1, 2, 3, … for each document) instead of one counter for all: an
-- instance that applied a document through n can then ask for exactly what follows (DocumentStore.readSince),
-- as on PostgreSQL. Existing entries are renumbered in their order; SQLite has one writer process, which is
-- the one running this migration, so no one holds the old numbers.
CREATE TABLE document_log (
  document_name TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (document_name, seq)
);
INSERT INTO document_log (document_name, seq, data)
  SELECT document_name, ROW_NUMBER() OVER (PARTITION BY document_name ORDER BY seq), data
  FROM document_updates;
DROP TABLE document_updates;
ALTER TABLE document_log RENAME TO document_updates;
