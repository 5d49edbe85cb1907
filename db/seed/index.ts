import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DatabaseHandle } from "@/db/client";
import { withSetupLock } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { hashPassword } from "@/lib/auth/password";
import { findUserByEmail } from "@/lib/auth/users";
import { now } from "@/lib/clock";
import { trackMany } from "@/lib/engagement/track";
import { notify } from "@/lib/notifications";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/system/demo-accounts";
import { seedLoans } from "./loans";

/**
 * Demo data. Idempotent: running it twice leaves one of everything. Each later feature extends it so
 * a newcomer sees that feature alive after `npm start`.
 *
 * The seed is the one part of db/ that calls domain code (password hashing, event tracking): demo data
 * must be made by the same rules as real data.
 */
export async function seedDemo(handle: DatabaseHandle): Promise<{ created: number }> {
  return withSetupLock(handle, async () => {
    const db = handle.db;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    let created = 0;
    await db.transaction(async (tx) => {
      for (const account of DEMO_ACCOUNTS) {
        if (await findUserByEmail(tx, account.email)) continue;
        const at = now();
        const [user] = await tx
          .insert(users)
          .values({
            email: account.email,
            passwordHash,
            role: account.role,
            fullName: account.fullName,
            phone: account.phone,
            locale: account.locale,
            companyName: "companyName" in account ? account.companyName : null,
            businessSector: "businessSector" in account ? account.businessSector : null,
            acquisition: { source: "seed", medium: "demo" },
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        created++;
        await notify(tx, { userId: user!.id, kind: "welcome", params: { name: account.fullName } });
        await trackMany(tx, [
          { name: "user_signed_up", userId: user!.id, properties: { role: account.role, locale: account.locale, acquisitionSource: "seed" } },
        ]);
      }
    });
    await seedLoans(db, passwordHash);
    return { created };
  });
}

export async function hasAnyUser(handle: DatabaseHandle): Promise<boolean> {
  const rows = rowsOf<{ present: boolean }>(await handle.db.execute(sql`select exists(select 1 from ${users}) as present`));
  return Boolean(rows[0]?.present);
}
