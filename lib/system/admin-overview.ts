import "server-only";
import { count } from "drizzle-orm";
import { users } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { liveWorkers } from "@/lib/jobs/heartbeat";

export async function getAdminOverview({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, "admin");
  const [byRole, workers] = await Promise.all([
    dbOf(ctx).select({ role: users.role, total: count() }).from(users).groupBy(users.role),
    liveWorkers(),
  ]);
  const usersByRole = { lender: 0, borrower: 0, admin: 0 };
  for (const r of byRole) usersByRole[r.role] = r.total;
  return { usersByRole, liveWorkers: workers };
}
