CREATE TABLE "auto_purchase_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"requested" bigint NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"investment_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "auto_purchase_decisions_loan_lender_unique" UNIQUE("loan_id","lender_id"),
	CONSTRAINT "auto_purchase_decisions_outcome" CHECK (("auto_purchase_decisions"."outcome" = 'bought') = ("auto_purchase_decisions"."investment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "auto_purchase_lenders" (
	"lender_id" uuid PRIMARY KEY NOT NULL,
	"poa_version" integer,
	"poa_accepted_at" timestamp with time zone,
	"last_allocated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auto_purchase_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lender_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"priority" integer NOT NULL,
	"product_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subgrades" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_tenor_months" integer,
	"max_tenor_months" integer,
	"min_rate_bps" integer,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"methods" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amount_per_loan" bigint NOT NULL,
	"budget" bigint NOT NULL,
	"max_per_borrower" bigint,
	"cash_reserve" bigint DEFAULT 0 NOT NULL,
	"reinvest" boolean DEFAULT true NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "auto_purchase_strategies_amounts" CHECK ("auto_purchase_strategies"."amount_per_loan" > 0 and "auto_purchase_strategies"."budget" > 0 and "auto_purchase_strategies"."cash_reserve" >= 0),
	CONSTRAINT "auto_purchase_strategies_tenors" CHECK ("auto_purchase_strategies"."min_tenor_months" is null or "auto_purchase_strategies"."max_tenor_months" is null or "auto_purchase_strategies"."min_tenor_months" <= "auto_purchase_strategies"."max_tenor_months")
);
--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" ADD CONSTRAINT "auto_purchase_decisions_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" ADD CONSTRAINT "auto_purchase_decisions_strategy_id_auto_purchase_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."auto_purchase_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" ADD CONSTRAINT "auto_purchase_decisions_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" ADD CONSTRAINT "auto_purchase_decisions_investment_id_loan_investments_id_fk" FOREIGN KEY ("investment_id") REFERENCES "public"."loan_investments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_purchase_lenders" ADD CONSTRAINT "auto_purchase_lenders_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_purchase_strategies" ADD CONSTRAINT "auto_purchase_strategies_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auto_purchase_decisions_strategy_idx" ON "auto_purchase_decisions" USING btree ("strategy_id","created_at");--> statement-breakpoint
CREATE INDEX "auto_purchase_decisions_lender_idx" ON "auto_purchase_decisions" USING btree ("lender_id","created_at");--> statement-breakpoint
CREATE INDEX "auto_purchase_strategies_lender_idx" ON "auto_purchase_strategies" USING btree ("lender_id","priority");--> statement-breakpoint
CREATE INDEX "auto_purchase_strategies_active_idx" ON "auto_purchase_strategies" USING btree ("active","lender_id") WHERE "auto_purchase_strategies"."archived_at" is null;