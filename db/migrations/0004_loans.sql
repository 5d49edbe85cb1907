CREATE TYPE "public"."loan_application_status" AS ENUM('draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected', 'declined');--> statement-breakpoint
CREATE TYPE "public"."application_document_kind" AS ENUM('bank_statement', 'business_licence', 'id');--> statement-breakpoint
CREATE TYPE "public"."loan_investment_status" AS ENUM('reserved', 'active', 'released');--> statement-breakpoint
CREATE TYPE "public"."loan_status" AS ENUM('funding', 'funded', 'cancelled', 'active', 'late', 'default', 'repaid', 'written_off');--> statement-breakpoint
CREATE TYPE "public"."repayment_method" AS ENUM('annuity', 'flat', 'bullet');--> statement-breakpoint
CREATE TYPE "public"."tenor_unit" AS ENUM('months', 'days');--> statement-breakpoint
CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "application_document_kind" NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"asked_by" uuid NOT NULL,
	"question" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "installments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"schedule_version" integer NOT NULL,
	"number" integer NOT NULL,
	"due_date" timestamp with time zone NOT NULL,
	"principal" bigint NOT NULL,
	"interest" bigint NOT NULL,
	"principal_paid" bigint DEFAULT 0 NOT NULL,
	"interest_paid" bigint DEFAULT 0 NOT NULL,
	"interest_waived" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	CONSTRAINT "installments_loan_version_number_unique" UNIQUE("loan_id","schedule_version","number"),
	CONSTRAINT "installments_paid_within" CHECK ("installments"."principal_paid" <= "installments"."principal" and "installments"."interest_paid" + "installments"."interest_waived" <= "installments"."interest")
);
--> statement-breakpoint
CREATE TABLE "lender_distributions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"repayment_id" uuid NOT NULL,
	"investment_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"principal" bigint NOT NULL,
	"interest" bigint NOT NULL,
	"late_fee" bigint NOT NULL,
	"service_fee" bigint NOT NULL,
	"net" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"borrower_id" uuid NOT NULL,
	"status" "loan_application_status" DEFAULT 'draft' NOT NULL,
	"completed_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"business" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"financials" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"product_id" uuid,
	"amount" bigint,
	"tenor" integer,
	"purpose" text,
	"score" integer,
	"subgrade" text,
	"rate_bps" integer,
	"scorecard" jsonb,
	"decision_reason" text,
	"reviewed_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_investments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"status" "loan_investment_status" DEFAULT 'reserved' NOT NULL,
	"source" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"restructure_consent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "loan_investments_idempotency_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "loan_investments_amount_positive" CHECK ("loan_investments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "loan_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"min_amount" bigint NOT NULL,
	"max_amount" bigint NOT NULL,
	"tenor_unit" "tenor_unit" NOT NULL,
	"min_tenor" integer NOT NULL,
	"max_tenor" integer NOT NULL,
	"method" "repayment_method" NOT NULL,
	"platform_fee_bps" integer NOT NULL,
	"late_fee_daily_ppm" integer NOT NULL,
	"service_fee_bps" integer DEFAULT 100 NOT NULL,
	"min_investment" bigint DEFAULT 100000 NOT NULL,
	"investment_step" bigint DEFAULT 100000 NOT NULL,
	"funding_window_days" integer DEFAULT 14 NOT NULL,
	"holdback_bps" integer DEFAULT 2000 NOT NULL,
	"holdback_hours" integer DEFAULT 24 NOT NULL,
	"rate_bands" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loan_products_code_unique" UNIQUE("code"),
	CONSTRAINT "loan_products_amounts" CHECK ("loan_products"."min_amount" > 0 and "loan_products"."max_amount" >= "loan_products"."min_amount"),
	CONSTRAINT "loan_products_tenors" CHECK ("loan_products"."min_tenor" > 0 and "loan_products"."max_tenor" >= "loan_products"."min_tenor"),
	CONSTRAINT "loan_products_steps" CHECK ("loan_products"."investment_step" > 0 and "loan_products"."min_investment" > 0)
);
--> statement-breakpoint
CREATE TABLE "loan_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"payer_id" uuid,
	"source" text NOT NULL,
	"amount" bigint NOT NULL,
	"principal" bigint NOT NULL,
	"interest" bigint NOT NULL,
	"late_fee" bigint NOT NULL,
	"service_fee" bigint NOT NULL,
	"allocations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loan_repayments_idempotency_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "loan_restructures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"status" text NOT NULL,
	"new_tenor" integer NOT NULL,
	"new_rate_bps" integer NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"borrower_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"product_code" text NOT NULL,
	"terms" jsonb NOT NULL,
	"principal" bigint NOT NULL,
	"rate_bps" integer NOT NULL,
	"subgrade" text NOT NULL,
	"tenor_unit" "tenor_unit" NOT NULL,
	"tenor" integer NOT NULL,
	"method" "repayment_method" NOT NULL,
	"platform_fee" bigint NOT NULL,
	"late_fee_daily_ppm" integer NOT NULL,
	"service_fee_bps" integer NOT NULL,
	"min_investment" bigint NOT NULL,
	"investment_step" bigint NOT NULL,
	"holdback_amount" bigint NOT NULL,
	"purpose" text NOT NULL,
	"sector" text NOT NULL,
	"status" "loan_status" DEFAULT 'funding' NOT NULL,
	"funded_amount" bigint DEFAULT 0 NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"holdback_until" timestamp with time zone NOT NULL,
	"funding_deadline" timestamp with time zone NOT NULL,
	"funded_at" timestamp with time zone,
	"agreement_accepted_at" timestamp with time zone,
	"disbursed_at" timestamp with time zone,
	"schedule_version" integer DEFAULT 1 NOT NULL,
	"schedule_start_at" timestamp with time zone,
	"late_fee_charged" bigint DEFAULT 0 NOT NULL,
	"late_fee_paid" bigint DEFAULT 0 NOT NULL,
	"principal_paid" bigint DEFAULT 0 NOT NULL,
	"days_past_due" integer DEFAULT 0 NOT NULL,
	"last_serviced_on" date,
	"defaulted_at" timestamp with time zone,
	"written_off_at" timestamp with time zone,
	"recovered" bigint DEFAULT 0 NOT NULL,
	"repaid_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loans_application_unique" UNIQUE("application_id"),
	CONSTRAINT "loans_funded_within_principal" CHECK ("loans"."funded_amount" >= 0 and "loans"."funded_amount" <= "loans"."principal"),
	CONSTRAINT "loans_principal_positive" CHECK ("loans"."principal" > 0),
	CONSTRAINT "loans_late_fee_paid_within_charged" CHECK ("loans"."late_fee_paid" >= 0 and "loans"."late_fee_paid" <= "loans"."late_fee_charged")
);
--> statement-breakpoint
CREATE TABLE "regulatory_caps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"segment" text NOT NULL,
	"tenor_bucket" text NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"max_daily_cost_ppm" bigint NOT NULL,
	"max_late_fee_daily_ppm" bigint NOT NULL,
	"max_total_cost_pct" bigint NOT NULL,
	"max_outstanding_per_borrower" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "regulatory_caps_key_unique" UNIQUE("segment","tenor_bucket","effective_from")
);
--> statement-breakpoint
CREATE TABLE "restructure_consents" (
	"restructure_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	CONSTRAINT "restructure_consents_unique" UNIQUE("restructure_id","lender_id")
);
--> statement-breakpoint
CREATE TABLE "servicing_runs" (
	"loan_id" uuid NOT NULL,
	"day" date NOT NULL,
	"days_past_due" integer NOT NULL,
	"late_fee" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "servicing_runs_loan_day_unique" UNIQUE("loan_id","day")
);
--> statement-breakpoint
ALTER TABLE "topup_requests" ADD COLUMN "purpose" text DEFAULT 'topup' NOT NULL;--> statement-breakpoint
ALTER TABLE "topup_requests" ADD COLUMN "loan_id" uuid;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_loan_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."loan_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_questions" ADD CONSTRAINT "application_questions_application_id_loan_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."loan_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_questions" ADD CONSTRAINT "application_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installments" ADD CONSTRAINT "installments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lender_distributions" ADD CONSTRAINT "lender_distributions_repayment_id_loan_repayments_id_fk" FOREIGN KEY ("repayment_id") REFERENCES "public"."loan_repayments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lender_distributions" ADD CONSTRAINT "lender_distributions_investment_id_loan_investments_id_fk" FOREIGN KEY ("investment_id") REFERENCES "public"."loan_investments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lender_distributions" ADD CONSTRAINT "lender_distributions_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_borrower_id_users_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_product_id_loan_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."loan_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_investments" ADD CONSTRAINT "loan_investments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_investments" ADD CONSTRAINT "loan_investments_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_payer_id_users_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_restructures" ADD CONSTRAINT "loan_restructures_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_restructures" ADD CONSTRAINT "loan_restructures_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_application_id_loan_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."loan_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_borrower_id_users_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_product_id_loan_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."loan_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_consents" ADD CONSTRAINT "restructure_consents_restructure_id_loan_restructures_id_fk" FOREIGN KEY ("restructure_id") REFERENCES "public"."loan_restructures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_consents" ADD CONSTRAINT "restructure_consents_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servicing_runs" ADD CONSTRAINT "servicing_runs_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "application_documents" USING btree ("application_id","kind");--> statement-breakpoint
CREATE INDEX "application_questions_application_idx" ON "application_questions" USING btree ("application_id","asked_at");--> statement-breakpoint
CREATE INDEX "installments_due_unpaid_idx" ON "installments" USING btree ("due_date") WHERE "installments"."paid_at" is null;--> statement-breakpoint
CREATE INDEX "lender_distributions_repayment_idx" ON "lender_distributions" USING btree ("repayment_id");--> statement-breakpoint
CREATE INDEX "lender_distributions_lender_idx" ON "lender_distributions" USING btree ("lender_id","occurred_at");--> statement-breakpoint
CREATE INDEX "lender_distributions_investment_idx" ON "lender_distributions" USING btree ("investment_id");--> statement-breakpoint
CREATE INDEX "loan_applications_borrower_idx" ON "loan_applications" USING btree ("borrower_id","created_at");--> statement-breakpoint
CREATE INDEX "loan_applications_queue_idx" ON "loan_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "loan_applications_product_idx" ON "loan_applications" USING btree ("product_id","status");--> statement-breakpoint
CREATE INDEX "loan_investments_loan_idx" ON "loan_investments" USING btree ("loan_id","status");--> statement-breakpoint
CREATE INDEX "loan_investments_lender_idx" ON "loan_investments" USING btree ("lender_id","created_at");--> statement-breakpoint
CREATE INDEX "loan_repayments_loan_idx" ON "loan_repayments" USING btree ("loan_id","occurred_at");--> statement-breakpoint
CREATE INDEX "loan_restructures_loan_idx" ON "loan_restructures" USING btree ("loan_id","status");--> statement-breakpoint
CREATE INDEX "loans_status_listed_idx" ON "loans" USING btree ("status","listed_at");--> statement-breakpoint
CREATE INDEX "loans_status_deadline_idx" ON "loans" USING btree ("status","funding_deadline");--> statement-breakpoint
CREATE INDEX "loans_borrower_idx" ON "loans" USING btree ("borrower_id","created_at");--> statement-breakpoint
CREATE INDEX "loans_status_serviced_idx" ON "loans" USING btree ("status","last_serviced_on");--> statement-breakpoint
CREATE INDEX "loans_product_status_idx" ON "loans" USING btree ("product_id","status");--> statement-breakpoint
ALTER TABLE "topup_requests" ADD CONSTRAINT "topup_requests_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "topup_requests_loan_idx" ON "topup_requests" USING btree ("loan_id") WHERE "topup_requests"."loan_id" is not null;--> statement-breakpoint
ALTER TABLE "topup_requests" ADD CONSTRAINT "topup_requests_purpose_loan" CHECK (("topup_requests"."purpose" = 'loan_repayment') = ("topup_requests"."loan_id" is not null));