import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { kycProfiles } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/** Investing (and buying gold) needs an approved identity verification; browsing does not. */
export class KycRequired extends DomainError {
  constructor() {
    super("kyc_required", "Verify your identity before investing.", 403);
  }
}

export async function isKycApproved(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: kycProfiles.id })
    .from(kycProfiles)
    .where(and(eq(kycProfiles.userId, userId), eq(kycProfiles.status, "approved")))
    .limit(1);
  return Boolean(row);
}

/** For the invest and gold verbs: throws KycRequired (code kyc_required, 403) unless approved. */
export async function assertKycApproved(tx: DbOrTx, userId: string): Promise<void> {
  if (!(await isKycApproved(tx, userId))) throw new KycRequired();
}
