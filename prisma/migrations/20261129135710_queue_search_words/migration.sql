-- Hand-written, SQLite only (scripts/new-migration.mjs keeps it): the manager queue's text search
-- is LIKE '%…%' here, which no index can seek, so counting the matches scans every case in the
-- scope. This narrow index holds just what that scan reads (location, practice flag, the
-- customer's words): the count reads it instead of the Case table (docs/decisions/0025).
-- PostgreSQL searches through its full-text index (Case_customerWords_fts_idx) instead.
CREATE INDEX "Case_search_words_idx" ON "Case"("locationId", "isPractice", "customerWords");
