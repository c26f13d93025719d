ALTER TYPE "public"."document_format" ADD VALUE 'pdf';--> statement-breakpoint
ALTER TYPE "public"."document_format" ADD VALUE 'docx';