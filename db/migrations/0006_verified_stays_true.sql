CREATE TYPE "public"."archive_state" AS ENUM('pending', 'archived', 'failed');--> statement-breakpoint
CREATE TABLE "evidence_archives" (
	"claim_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"url" text NOT NULL,
	"state" "archive_state" DEFAULT 'pending' NOT NULL,
	"final_url" text,
	"http_status" integer,
	"content_type" text,
	"title" text,
	"text" text,
	"sha256" text,
	"error" text,
	"fetched_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"recheck" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_archives_claim_id_evidence_id_pk" PRIMARY KEY("claim_id","evidence_id")
);
--> statement-breakpoint
ALTER TABLE "claim_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "claim_events" ADD COLUMN "offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "anchor_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "vote_round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "sign_off_rationale" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "signed_off_by" uuid;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "signed_off_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "sign_off_override" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" DROP CONSTRAINT "votes_claim_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_claim_id_user_id_round_pk" PRIMARY KEY("claim_id","user_id","round");--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "wording" text;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "after_reveal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "revised_verdict" "verdict";--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "revised_reason" text;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence_archives" ADD CONSTRAINT "evidence_archives_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;