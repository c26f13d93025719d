CREATE TABLE "quarantined_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid,
	"updates" "bytea" NOT NULL,
	"update_count" bigint NOT NULL,
	"user_ids" text[] DEFAULT '{}' NOT NULL,
	"error" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quarantined_batches" ADD CONSTRAINT "quarantined_batches_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quarantined_batches_document_idx" ON "quarantined_batches" USING btree ("document_id","at");