import "server-only";
import { eq } from "drizzle-orm";
import { segments } from "@/db/schema";
import { recordIfAdmin } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireSystemOrAdmin, withTransaction, type Ctx } from "@/lib/context";
import { isUniqueViolation, parseInput, ValidationFailed } from "@/lib/errors";
import { refreshMembership } from "./internal/refresh-membership";
import { checkedRule, checkReferences, ruleColumns } from "./internal/save-rule";
import { CreateSegmentInput } from "./schemas";

const keyTaken = () => new ValidationFailed({ key: "keyTaken" }, "Another segment already has this key.", "segment_key_taken");

/**
 * Admin (or the seed, as the system): saves a new segment at version 1 with what its rule depends on
 * (events, fields, other segments, relative windows) and computes its members in the same
 * transaction, so the list shows a count the moment it exists. An incomplete rule is a 400 with a
 * field error for every incomplete part.
 */
export async function createSegment({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ id: string }> {
  requireSystemOrAdmin(ctx);
  const data = parseInput(CreateSegmentInput, input);
  const rule = checkedRule(data.rule);
  return withTransaction(ctx, async (tx) => {
    await checkReferences(tx, null, rule);
    if (data.key) {
      const [existing] = await tx.select({ id: segments.id }).from(segments).where(eq(segments.key, data.key)).limit(1);
      if (existing) throw keyTaken();
    }
    const at = now();
    let id: string;
    try {
      const [row] = await tx
        .insert(segments)
        .values({
          key: data.key ?? null,
          name: data.name,
          description: data.description,
          rule,
          version: 1,
          ...ruleColumns(rule),
          createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: segments.id });
      id = row!.id;
    } catch (e) {
      if (isUniqueViolation(e, "segments_key_unique")) throw keyTaken();
      throw e;
    }
    await refreshMembership(tx, { segmentIds: [id] });
    await recordIfAdmin(tx, ctx, { action: "segment.created", subject: { type: "segment", id }, after: { name: data.name, description: data.description, version: 1, rule } });
    return { id };
  });
}
