CREATE TABLE "admin_audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"admin_id" uuid NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "admin_audit_log" ADD CONSTRAINT "admin_audit_log_admin_id_users_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_log_admin_idx" ON "admin_audit_log" USING btree ("admin_id","id");--> statement-breakpoint
CREATE INDEX "admin_audit_log_action_idx" ON "admin_audit_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "admin_audit_log_subject_idx" ON "admin_audit_log" USING btree ("subject_type","subject_id","id");--> statement-breakpoint
CREATE INDEX "admin_audit_log_time_idx" ON "admin_audit_log" USING btree ("occurred_at");--> statement-breakpoint
-- hand-written: (drizzle-kit does not model triggers) the admin audit log is append-only; keep this if the migration is ever regenerated.
CREATE FUNCTION "admin_audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'admin_audit_log is append-only: nobody edits or deletes an admin decision'
		USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "admin_audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "admin_audit_log"
	FOR EACH ROW EXECUTE FUNCTION "admin_audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "admin_audit_log_no_truncate" BEFORE TRUNCATE ON "admin_audit_log"
	FOR EACH STATEMENT EXECUTE FUNCTION "admin_audit_log_append_only"();--> statement-breakpoint
-- hand-written: the admins' decisions already in the old audit_log (dropped by the next migration) move here, in their order.
INSERT INTO "admin_audit_log" ("occurred_at", "admin_id", "action", "subject_type", "subject_id", "reason", "details")
SELECT a."occurred_at", a."actor_id", a."action",
	CASE
		WHEN a."action" LIKE 'kyc.%' THEN 'user'
		WHEN a."action" LIKE 'withdrawal.%' THEN 'withdrawal'
		WHEN a."action" LIKE 'gold.withdrawal_%' THEN 'gold_withdrawal'
		WHEN a."action" LIKE 'loan_product.%' THEN 'loan_product'
		WHEN a."action" LIKE 'clock.%' THEN 'clock'
		ELSE 'settings'
	END,
	COALESCE(a."target", CASE
		WHEN a."action" LIKE 'wallet.%' THEN 'wallet'
		WHEN a."action" LIKE 'gold.%' THEN 'gold'
		WHEN a."action" LIKE 'clock.%' THEN 'offset'
		ELSE '-'
	END),
	NULLIF(a."details"->>'reason', ''),
	a."details"
FROM "audit_log" a JOIN "users" u ON u."id" = a."actor_id" AND u."role" = 'admin'
ORDER BY a."id";
