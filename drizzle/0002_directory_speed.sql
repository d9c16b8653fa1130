-- Directory speed (bench/README.md). Measured with bench:directory on 80,000 companies.
-- Keep the tsvector inline (not TOASTed) so that ranking does not detoast each row.
ALTER TABLE "members" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
UPDATE "members" SET "search_text" = "search_text";--> statement-breakpoint
-- The default sort is by name: an index in that order lets a page stop early.
CREATE INDEX IF NOT EXISTS "members_cluster_name_order" ON "members" ("cluster_id", lower("legal_name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "members_name_order" ON "members" (lower("legal_name"));--> statement-breakpoint
-- Facet counts, the page's ids (every sort but relevance) and radius searches read only these columns: an
-- index-only scan instead of the whole rows (about 2 kB each).
CREATE INDEX IF NOT EXISTS "members_facets" ON "members" ("cluster_id") INCLUDE ("status", "kind", "size_class", "department", "trade_codes", "certifications", "lat", "lon", "id", "legal_name", "headcount", "joined_on", "updated_at");
--> statement-breakpoint
-- Relevance puts members whose name matches the typed words first: their ids come from this index (the
-- expression must stay identical to `nameVector` in directory.service.ts).
CREATE INDEX IF NOT EXISTS "members_name_search" ON "members" USING gin (to_tsvector('public.fr_unaccent'::regconfig, "legal_name" || ' ' || coalesce("trade_name", '')));
