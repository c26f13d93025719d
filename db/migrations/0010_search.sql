CREATE TABLE "claim_search" (
	"claim_id" uuid PRIMARY KEY NOT NULL,
	"body" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_search" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"body" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_search" ADD CONSTRAINT "claim_search_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_search" ADD CONSTRAINT "document_search_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_search_body_idx" ON "claim_search" USING gin ("body");--> statement-breakpoint
CREATE INDEX "document_search_body_idx" ON "document_search" USING gin ("body");--> statement-breakpoint
-- Full-text search bodies, written only here, by triggers, whoever changes a claim, its evidence,
-- its comments or a document (the projection of the shared document, REST routes, imports).
-- Caps: a tsvector holds at most 1 MB (1,048,575 bytes) of lexemes, and a character takes at most
-- 4 bytes, so each body reads at most 250,000 characters (a claim: 10,000 of its quote, 60,000 of
-- its note, 90,000 each of evidence and comments; a document: 2,000 of its title and 240,000 of
-- its text, db/schema/search.ts DOCUMENT_SEARCH_CHARS). Nothing a user writes can make one fail.
CREATE FUNCTION claim_evidence_text(p_claim uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(coalesce(e.title, '') || ' ' || coalesce(e.excerpt, ''), ' ' ORDER BY e.position), '')
  FROM evidence e WHERE e.claim_id = p_claim
$$;--> statement-breakpoint
CREATE FUNCTION claim_comments_text(p_claim uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(m.body, ' ' ORDER BY m.at, m.id), '') FROM comments m WHERE m.claim_id = p_claim
$$;--> statement-breakpoint
CREATE FUNCTION claim_search_body(p_claim uuid, p_exact text, p_note text) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', left(p_exact, 10000)), 'A')
      || setweight(to_tsvector('english', left(p_note, 60000)), 'B')
      || setweight(to_tsvector('english', left(claim_evidence_text(p_claim), 90000)), 'C')
      || setweight(to_tsvector('english', left(claim_comments_text(p_claim), 90000)), 'D')
$$;--> statement-breakpoint
CREATE FUNCTION document_search_body(p_title text, p_text text) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', left(p_title, 2000)), 'A') || setweight(to_tsvector('english', left(p_text, 240000)), 'B')
$$;--> statement-breakpoint
-- Recomputes one claim's body; writes (and so touches the GIN index) only when it changed, so the
-- projection's rewrite of a claim's evidence list with the same items costs reads only.
CREATE FUNCTION claim_search_refresh(p_claim uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v tsvector;
BEGIN
  SELECT claim_search_body(c.id, c.exact, c.note) INTO v FROM claims c WHERE c.id = p_claim;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  UPDATE claim_search SET body = v WHERE claim_id = p_claim AND body IS DISTINCT FROM v;
  IF NOT FOUND THEN
    INSERT INTO claim_search (claim_id, body) VALUES (p_claim, v) ON CONFLICT (claim_id) DO NOTHING;
  END IF;
END
$$;--> statement-breakpoint
CREATE FUNCTION claims_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claim_search_refresh(NEW.id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION claim_parts_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM claim_search_refresh(OLD.claim_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.claim_id IS DISTINCT FROM OLD.claim_id) THEN
    PERFORM claim_search_refresh(NEW.claim_id);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION documents_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO document_search (document_id, body) VALUES (NEW.id, document_search_body(NEW.title, NEW.text))
  ON CONFLICT (document_id) DO UPDATE SET body = excluded.body;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Deferred to the commit: by then the transaction's evidence and comments are final (the
-- projection deletes and re-inserts a claim's evidence list), and each claim is read once as it ends.
CREATE CONSTRAINT TRIGGER claims_search_insert AFTER INSERT ON claims DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION claims_search_trigger();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER claims_search_update AFTER UPDATE OF exact, note ON claims DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.exact IS DISTINCT FROM NEW.exact OR OLD.note IS DISTINCT FROM NEW.note)
  EXECUTE FUNCTION claims_search_trigger();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evidence_search AFTER INSERT OR UPDATE OR DELETE ON evidence DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION claim_parts_search_trigger();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER comments_search AFTER INSERT OR UPDATE OR DELETE ON comments DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION claim_parts_search_trigger();--> statement-breakpoint
CREATE TRIGGER documents_search AFTER INSERT OR UPDATE OF title, text ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_search_trigger();--> statement-breakpoint
-- Backfill: the bodies of the claims and documents already stored.
INSERT INTO claim_search (claim_id, body) SELECT c.id, claim_search_body(c.id, c.exact, c.note) FROM claims c;--> statement-breakpoint
INSERT INTO document_search (document_id, body) SELECT d.id, document_search_body(d.title, d.text) FROM documents d;
