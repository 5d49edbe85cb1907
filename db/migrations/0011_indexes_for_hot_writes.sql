ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_reverses_unique";--> statement-breakpoint
DROP INDEX "auto_purchase_strategies_active_idx";--> statement-breakpoint
DROP INDEX "events_anonymous_time_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reverses_unique" ON "ledger_transfers" USING btree ("reverses_transfer_id") WHERE "ledger_transfers"."reverses_transfer_id" is not null;--> statement-breakpoint
CREATE INDEX "auto_purchase_strategies_match_idx" ON "auto_purchase_strategies" USING btree ("lender_id","priority","created_at","id") WHERE "auto_purchase_strategies"."active" and "auto_purchase_strategies"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "events_anonymous_time_idx" ON "events" USING btree ("anonymous_id","occurred_at") WHERE "events"."anonymous_id" is not null;