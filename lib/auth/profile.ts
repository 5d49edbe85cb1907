import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireUser, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { LocaleInput, type AppLocale } from "./schemas";
import { findUserById } from "./internal/users";

/** Keeps a signed-in user's language on their profile. */
export async function changeLocale({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<AppLocale> {
  const actor = requireUser(ctx);
  const { locale } = parseInput(LocaleInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ locale, updatedAt: now() })
      .where(eq(users.id, actor.userId))
      .returning({ id: users.id });
    if (!row) throw new NotFound("Your account");
    await track(tx, { name: "user_locale_changed", userId: actor.userId, properties: { locale }, context: ctx.request });
    return locale;
  });
}

/** The signed-in user's own profile, without the password hash. */
export async function getMyProfile({ ctx }: { ctx: Ctx }) {
  const actor = requireUser(ctx);
  const user = await findUserById(dbOf(ctx), actor.userId);
  if (!user) throw new NotFound("Your account");
  const { passwordHash: _omit, ...profile } = user;
  return profile;
}
