CREATE TABLE "gold_monthly_prices" (
	"month" date PRIMARY KEY NOT NULL,
	"usd_cents_per_ounce" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gold_price_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"threshold_per_gram" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"triggered_at" timestamp with time zone,
	"triggered_price_per_gram" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gold_price_alerts_threshold" CHECK ("gold_price_alerts"."threshold_per_gram" > 0)
);
--> statement-breakpoint
CREATE TABLE "gold_prices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"mid_per_gram" bigint NOT NULL,
	"buy_per_gram" bigint NOT NULL,
	"sell_per_gram" bigint NOT NULL,
	CONSTRAINT "gold_prices_positive" CHECK ("gold_prices"."sell_per_gram" > 0 and "gold_prices"."buy_per_gram" >= "gold_prices"."sell_per_gram")
);
--> statement-breakpoint
CREATE TABLE "gold_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"side" text NOT NULL,
	"price_id" bigint NOT NULL,
	"price_per_gram" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gold_recurring_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"frequency" text NOT NULL,
	"hour" integer NOT NULL,
	"day_of_week" integer,
	"day_of_month" integer,
	"active" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gold_recurring_plans_amount" CHECK ("gold_recurring_plans"."amount" > 0),
	CONSTRAINT "gold_recurring_plans_hour" CHECK ("gold_recurring_plans"."hour" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "gold_recurring_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"trade_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gold_recurring_runs_plan_time_unique" UNIQUE("plan_id","scheduled_for")
);
--> statement-breakpoint
CREATE TABLE "gold_trades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"side" text NOT NULL,
	"units" bigint NOT NULL,
	"rupiah" bigint NOT NULL,
	"price_per_gram" bigint NOT NULL,
	"input_mode" text NOT NULL,
	"quote_id" uuid,
	"recurring_plan_id" uuid,
	"source" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gold_trades_idempotency_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "gold_trades_positive" CHECK ("gold_trades"."units" > 0 and "gold_trades"."rupiah" > 0)
);
--> statement-breakpoint
CREATE TABLE "gold_withdrawals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"bar_grams" integer NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"units" bigint NOT NULL,
	"fee" bigint NOT NULL,
	"lead_time_days" integer NOT NULL,
	"address" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"cancel_reason" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gold_withdrawals_idempotency_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "gold_withdrawals_positive" CHECK ("gold_withdrawals"."units" > 0 and "gold_withdrawals"."quantity" > 0 and "gold_withdrawals"."fee" >= 0)
);
--> statement-breakpoint
ALTER TABLE "gold_price_alerts" ADD CONSTRAINT "gold_price_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_quotes" ADD CONSTRAINT "gold_quotes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_recurring_plans" ADD CONSTRAINT "gold_recurring_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_recurring_runs" ADD CONSTRAINT "gold_recurring_runs_plan_id_gold_recurring_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."gold_recurring_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_recurring_runs" ADD CONSTRAINT "gold_recurring_runs_trade_id_gold_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."gold_trades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_trades" ADD CONSTRAINT "gold_trades_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_trades" ADD CONSTRAINT "gold_trades_quote_id_gold_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."gold_quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_withdrawals" ADD CONSTRAINT "gold_withdrawals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gold_price_alerts_user_idx" ON "gold_price_alerts" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "gold_price_alerts_active_idx" ON "gold_price_alerts" USING btree ("kind","threshold_per_gram") WHERE "gold_price_alerts"."active";--> statement-breakpoint
CREATE INDEX "gold_prices_at_idx" ON "gold_prices" USING btree ("at");--> statement-breakpoint
CREATE INDEX "gold_quotes_user_idx" ON "gold_quotes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "gold_recurring_plans_user_idx" ON "gold_recurring_plans" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "gold_recurring_plans_due_idx" ON "gold_recurring_plans" USING btree ("next_run_at") WHERE "gold_recurring_plans"."active";--> statement-breakpoint
CREATE INDEX "gold_recurring_runs_plan_idx" ON "gold_recurring_runs" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "gold_trades_user_idx" ON "gold_trades" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "gold_trades_created_idx" ON "gold_trades" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "gold_withdrawals_user_idx" ON "gold_withdrawals" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "gold_withdrawals_status_idx" ON "gold_withdrawals" USING btree ("status","created_at");