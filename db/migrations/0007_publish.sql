ALTER TABLE "workspaces" ADD COLUMN "public_votes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "authors" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_published_on" date;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;