"use server";

import { revalidatePath } from "next/cache";
import type { SaveSegmentInput, SaveSegmentResult } from "@/components/engagement/segments/segment-editor";
import { getRequestCtx } from "@/lib/auth/session";
import { archiveSegment, createSegment, updateSegment } from "@/lib/engagement";
import { isDomainError } from "@/lib/errors";

/** Creates (no segmentId) or edits a segment; domain errors come back as a code and field errors. */
export async function saveSegmentAction(input: SaveSegmentInput): Promise<SaveSegmentResult> {
  const ctx = await getRequestCtx();
  try {
    const { segmentId, expectedVersion, name, description, rule } = input;
    const { id } = segmentId ? await updateSegment({ ctx, input: { segmentId, expectedVersion, name, description, rule } }) : await createSegment({ ctx, input: { name, description, rule } });
    revalidatePath("/admin/engagement/segments");
    return { ok: true, id };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, code: e.code, fields: e.fields };
    throw e;
  }
}

export async function archiveSegmentAction(segmentId: string): Promise<{ ok: true } | { ok: false; code: string }> {
  const ctx = await getRequestCtx();
  try {
    await archiveSegment({ ctx, input: { segmentId } });
    revalidatePath("/admin/engagement/segments");
    return { ok: true };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, code: e.code };
    throw e;
  }
}
