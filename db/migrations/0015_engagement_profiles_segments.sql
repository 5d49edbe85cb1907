CREATE TABLE "client_event_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_cursors" (
	"consumer" text PRIMARY KEY NOT NULL,
	"tx_id" bigint DEFAULT 0 NOT NULL,
	"event_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_aliases" (
	"anonymous_id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"personas" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_band" text,
	"city" text,
	"province" text,
	"device" text,
	"browser" text,
	"language" text DEFAULT 'en' NOT NULL,
	"acquisition_channel" text,
	"acquisition_campaign" text,
	"signed_up_at" timestamp with time zone NOT NULL,
	"kyc_status" text DEFAULT 'not_started' NOT NULL,
	"kyc_step" text,
	"cash_balance" bigint DEFAULT 0 NOT NULL,
	"outstanding_principal" bigint DEFAULT 0 NOT NULL,
	"gold_held" bigint DEFAULT 0 NOT NULL,
	"account_value" bigint DEFAULT 0 NOT NULL,
	"total_invested" bigint DEFAULT 0 NOT NULL,
	"idle_cash" bigint DEFAULT 0 NOT NULL,
	"idle_since" timestamp with time zone,
	"last_active_at" timestamp with time zone,
	"first_investment_at" timestamp with time zone,
	"last_investment_at" timestamp with time zone,
	"investments_count" integer DEFAULT 0 NOT NULL,
	"products_used" text[] DEFAULT '{}'::text[] NOT NULL,
	"auto_purchase_on" boolean DEFAULT false NOT NULL,
	"next_maturity_date" date,
	"next_due_date" date,
	"days_past_due" integer DEFAULT 0 NOT NULL,
	"rfm_recency" smallint,
	"rfm_frequency" smallint,
	"rfm_monetary" smallint,
	"rfm_segment" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfm_scores" (
	"user_id" uuid NOT NULL,
	"scored_on" date NOT NULL,
	"recency_days" integer NOT NULL,
	"frequency" integer NOT NULL,
	"monetary" bigint NOT NULL,
	"r" smallint NOT NULL,
	"f" smallint NOT NULL,
	"m" smallint NOT NULL,
	"segment" text NOT NULL,
	CONSTRAINT "rfm_scores_user_id_scored_on_pk" PRIMARY KEY("user_id","scored_on")
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"segment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "segment_members_segment_id_user_id_pk" PRIMARY KEY("segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rule" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"event_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"depends_on" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"time_relative" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_aliases" ADD CONSTRAINT "identity_aliases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfm_scores" ADD CONSTRAINT "rfm_scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_event_receipts_received_idx" ON "client_event_receipts" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "identity_aliases_user_idx" ON "identity_aliases" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profiles_role_idx" ON "profiles" USING btree ("role");--> statement-breakpoint
CREATE INDEX "profiles_city_idx" ON "profiles" USING btree ("city");--> statement-breakpoint
CREATE INDEX "profiles_last_active_idx" ON "profiles" USING btree ("last_active_at");--> statement-breakpoint
CREATE INDEX "profiles_rfm_segment_idx" ON "profiles" USING btree ("rfm_segment");--> statement-breakpoint
CREATE INDEX "profiles_next_due_idx" ON "profiles" USING btree ("next_due_date") WHERE "profiles"."next_due_date" is not null;--> statement-breakpoint
CREATE INDEX "profiles_next_maturity_idx" ON "profiles" USING btree ("next_maturity_date") WHERE "profiles"."next_maturity_date" is not null;--> statement-breakpoint
CREATE INDEX "rfm_scores_day_segment_idx" ON "rfm_scores" USING btree ("scored_on","segment");--> statement-breakpoint
CREATE INDEX "segment_members_user_idx" ON "segment_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_key_unique" ON "segments" USING btree ("key") WHERE "segments"."key" is not null;--> statement-breakpoint
CREATE INDEX "segments_status_idx" ON "segments" USING btree ("status","name");