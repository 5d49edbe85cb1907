import "server-only";
import { eq } from "drizzle-orm";
import { kycSteps } from "@/db/schema";
import { dbOf, requireUser, type Ctx } from "@/lib/context";
import { NotFound } from "@/lib/errors";
import { fileStorage } from "@/lib/storage";
import type { StoredFile } from "./internal/profile";
import { KycFileInput } from "./schemas";


/**
 * A KYC upload, only for its owner or an admin. Everyone else gets NotFound, so a guessed id does not
 * even reveal that the file exists.
 */
export async function readKycFile({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ bytes: Uint8Array; mime: string }> {
  const actor = requireUser(ctx);
  const parsed = KycFileInput.safeParse(input);
  if (!parsed.success) throw new NotFound("The file", "file_not_found");
  const [row] = await dbOf(ctx).select({ userId: kycSteps.userId, data: kycSteps.data }).from(kycSteps).where(eq(kycSteps.id, parsed.data.stepId)).limit(1);
  if (!row || (row.userId !== actor.userId && actor.role !== "admin")) throw new NotFound("The file", "file_not_found");
  const file = (row.data.files as Record<string, StoredFile> | undefined)?.[parsed.data.field];
  if (!file) throw new NotFound("The file", "file_not_found");
  return { bytes: await fileStorage().get(file.key), mime: file.mime };
}
