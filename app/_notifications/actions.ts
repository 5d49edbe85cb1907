"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications";

export async function markAllReadAction(): Promise<void> {
  const ctx = await getRequestCtx();
  await markNotificationsRead({ ctx, input: {} });
  revalidatePath("/", "layout");
}
