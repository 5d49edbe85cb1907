import "server-only";
import { eq } from "drizzle-orm";
import { autoPurchaseLenders } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { DomainError, parseInput } from "@/lib/errors";
import { AcceptPowerOfAttorneyInput, POA_CLAUSE_KEYS, POA_VERSION } from "./schemas";
import { ensureAutoPurchaseLender } from "./internal/store";

/**
 * The power of attorney (surat kuasa) that lets Lumbung invest a lender's cash by their strategies.
 * The text lives in messages: "autoPurchase.poa.title", "autoPurchase.poa.intro" and one paragraph
 * per clause "autoPurchase.poa.clauses.<key>" for key in POA_CLAUSE_KEYS:
 *   mandate, rules, holdback, limits, revoke, risk.
 * Changing the text means a new POA_VERSION (lib/autopurchase/schemas.ts): strategies stay on but
 * buy nothing until the lender accepts the new version (the matcher requires the current one).
 */
export { POA_CLAUSE_KEYS, POA_VERSION };

export class PowerOfAttorneyRequired extends DomainError {
  constructor() {
    super("poa_required", "Accept the power of attorney before turning auto-purchase on.", 403);
  }
}

/** The lender accepts the current power of attorney; recorded with version and time. Idempotent per version. */
export async function acceptPowerOfAttorney({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ version: number; acceptedAt: Date }> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(AcceptPowerOfAttorneyInput, input);
  return withTransaction(ctx, async (tx) => {
    await ensureAutoPurchaseLender(tx, actor.userId);
    const [row] = await tx.select().from(autoPurchaseLenders).where(eq(autoPurchaseLenders.lenderId, actor.userId)).for("update");
    if (row?.poaVersion === data.version && row.poaAcceptedAt) return { version: data.version, acceptedAt: row.poaAcceptedAt };
    const at = now();
    await tx.update(autoPurchaseLenders).set({ poaVersion: data.version, poaAcceptedAt: at, updatedAt: at }).where(eq(autoPurchaseLenders.lenderId, actor.userId));
    await track(tx, { name: "auto_purchase_poa_accepted", userId: actor.userId, properties: { version: data.version }, context: ctx.request });
    return { version: data.version, acceptedAt: at };
  });
}
