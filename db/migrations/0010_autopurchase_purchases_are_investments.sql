-- A purchase by auto-purchase is the investment itself: loan_investments.auto_strategy_id names the
-- strategy that bought it, and auto_purchase_decisions keeps only skips. The bought decisions move
-- onto their investments (backfill), then leave the table.
ALTER TABLE "loan_investments" ADD COLUMN "auto_strategy_id" uuid;--> statement-breakpoint
ALTER TABLE "loan_investments" ADD CONSTRAINT "loan_investments_auto_strategy_id_auto_purchase_strategies_id_fk" FOREIGN KEY ("auto_strategy_id") REFERENCES "public"."auto_purchase_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "loan_investments" AS i SET "auto_strategy_id" = d."strategy_id" FROM "auto_purchase_decisions" AS d WHERE d."investment_id" = i."id" AND d."outcome" = 'bought';--> statement-breakpoint
DELETE FROM "auto_purchase_decisions" WHERE "outcome" = 'bought';--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" DROP CONSTRAINT "auto_purchase_decisions_outcome";--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" DROP CONSTRAINT "auto_purchase_decisions_investment_id_loan_investments_id_fk";--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" DROP COLUMN "outcome";--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" DROP COLUMN "amount";--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" DROP COLUMN "investment_id";--> statement-breakpoint
ALTER TABLE "auto_purchase_decisions" ALTER COLUMN "reason" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "loan_investments_auto_strategy_idx" ON "loan_investments" USING btree ("auto_strategy_id","created_at") WHERE "loan_investments"."auto_strategy_id" is not null;--> statement-breakpoint
ALTER TABLE "loan_investments" ADD CONSTRAINT "loan_investments_auto_strategy" CHECK (("loan_investments"."auto_strategy_id" is null) or ("loan_investments"."source" = 'auto'));
