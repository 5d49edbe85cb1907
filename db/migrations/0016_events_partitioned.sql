-- hand-written (like the ledger's trigger in 0001 and the audit log's in 0013): drizzle-kit does not model
-- declarative partitioning, and what it generated (ALTER TABLE … ADD PRIMARY KEY, ADD COLUMN) cannot turn
-- a plain table into a partitioned one. The snapshot (meta/0016_snapshot.json) is drizzle-kit's own and
-- matches db/schema/events.ts: primary key (id, occurred_at), tx_id, events_tx_idx. Keep this file if
-- the migrations are ever regenerated.
--
-- `events` becomes PARTITION BY RANGE (occurred_at), one partition per UTC month (events_yYYYYmMM) plus
-- events_default for rows outside them. The old table is renamed, the partitioned one created with the
-- same columns, defaults and foreign key, a partition made for every month that has rows, the rows
-- copied, the indexes created on the parent (PostgreSQL creates them on every partition, present and
-- future), the old table dropped. The id keeps its sequence (events_id_seq moves to the new column), so
-- ids continue where they were. Copied rows get tx_id 0: they committed before any cursor existed, so a
-- consumer reads them first, in id order. Later months are created ahead by
-- lib/engagement/events/internal/partitions.ts (boot, a daily job, the time machine). See docs/SCALE.md.
ALTER TABLE "events" RENAME TO "events_unpartitioned";--> statement-breakpoint
DROP INDEX IF EXISTS "events_user_time_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "events_name_time_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "events_anonymous_time_idx";--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint DEFAULT nextval('events_id_seq'::regclass) NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"anonymous_id" text,
	"name" text NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tx_id" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL,
	CONSTRAINT "events_id_occurred_at_pk" PRIMARY KEY("id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
ALTER SEQUENCE "events_id_seq" OWNED BY "events"."id";--> statement-breakpoint
CREATE TABLE "events_default" PARTITION OF "events" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
	m timestamp;
BEGIN
	FOR m IN SELECT DISTINCT date_trunc('month', "occurred_at" AT TIME ZONE 'UTC') FROM "events_unpartitioned" LOOP
		EXECUTE format(
			'CREATE TABLE %I PARTITION OF "events" FOR VALUES FROM (%L) TO (%L)',
			'events_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
			m AT TIME ZONE 'UTC',
			(m + interval '1 month') AT TIME ZONE 'UTC'
		);
	END LOOP;
END
$$;
--> statement-breakpoint
INSERT INTO "events" ("id", "occurred_at", "user_id", "anonymous_id", "name", "properties", "context", "tx_id")
SELECT "id", "occurred_at", "user_id", "anonymous_id", "name", "properties", "context", 0 FROM "events_unpartitioned";
--> statement-breakpoint
DROP TABLE "events_unpartitioned";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_user_time_idx" ON "events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_name_time_idx" ON "events" USING btree ("name","occurred_at");--> statement-breakpoint
CREATE INDEX "events_anonymous_time_idx" ON "events" USING btree ("anonymous_id","occurred_at") WHERE "events"."anonymous_id" is not null;--> statement-breakpoint
CREATE INDEX "events_tx_idx" ON "events" USING btree ("tx_id","id");
