-- Every WebSocket upgrade and every session re-check reads a document's access rules by name; without an
-- index each read scanned the rules of every document (1,000 documents: quadratic opening). PostgreSQL has had
-- this index since its first migration. Index entries are ordered by rowid within a name, as the reads want.
CREATE INDEX IF NOT EXISTS document_access_by_document ON document_access (document_name);
