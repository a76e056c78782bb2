-- Hand-written, SQLite only (scripts/new-migration.mjs keeps it): the manager queue's text search
-- is LIKE '%…%' here, which no index can seek, so counting the matches scans every case in the
-- scope. This narrow index holds just what that scan reads (the customer's words, location,
-- practice flag): the count reads it whole (INDEXED BY, lib/manager/list-queue.ts) instead of the
-- Case table (docs/decisions/0025). The words lead so that no other query can seek it: with
-- location first SQLite chose it over the staff index for "one staff member".
-- PostgreSQL searches through its full-text index (Case_customerWords_fts_idx) instead.
CREATE INDEX "Case_search_words_idx" ON "Case"("customerWords", "locationId", "isPractice");
