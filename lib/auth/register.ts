import "server-only";
import { users, type User } from "@/db/schema";
import { now } from "@/lib/clock";
import { allowAnonymous, withTransaction, type Ctx } from "@/lib/context";
import { Forbidden, isUniqueViolation, parseInput, ValidationFailed } from "@/lib/errors";
import { identify, track } from "@/lib/engagement";
import { notify } from "@/lib/notifications";
import { findUserByEmail } from "./internal/users";
import { hashPassword } from "./password";
import { WEAK_PASSWORD_MESSAGE, weakPasswordReason } from "./password-policy";
import { RegisterUserInput } from "./schemas";

export const DUPLICATE_EMAIL = "emailTaken";

/**
 * Public sign-up for lenders and borrowers. Admins are never created here (the schema has no admin
 * role to choose). Records user_signed_up with the first-touch acquisition channel.
 */
export async function registerUser({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<User> {
  allowAnonymous(ctx);
  if (ctx.actor.type === "user") throw new Forbidden("You are already signed in.");
  const { acquisition, ...data } = parseInput(RegisterUserInput, input);
  const weak = weakPasswordReason(data.password, { email: data.email, name: data.fullName });
  if (weak) {
    throw new ValidationFailed({ password: WEAK_PASSWORD_MESSAGE[weak] }, "Please choose a stronger password.", "weak_password");
  }
  const passwordHash = await hashPassword(data.password);
  try {
    return await withTransaction(ctx, async (tx) => {
      if (await findUserByEmail(tx, data.email)) {
        throw new ValidationFailed({ email: DUPLICATE_EMAIL }, "An account with this email already exists.", "email_taken");
      }
      const at = now();
      const [user] = await tx
        .insert(users)
        .values({
          email: data.email,
          passwordHash,
          role: data.role,
          fullName: data.fullName,
          phone: data.phone,
          locale: data.locale,
          companyName: data.role === "borrower" ? data.companyName : null,
          businessSector: data.role === "borrower" ? data.businessSector : null,
          acquisition,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await track(tx, {
        name: "user_signed_up",
        userId: user!.id,
        anonymousId: ctx.request?.anonymousId,
        properties: {
          role: data.role,
          locale: data.locale,
          acquisitionSource: acquisition.source ?? null,
          acquisitionMedium: acquisition.medium ?? null,
          acquisitionCampaign: acquisition.campaign ?? null,
          ...(data.role === "borrower" ? { businessSector: data.businessSector } : {}),
        },
        context: ctx.request,
      });
      await identify(tx, { anonymousId: ctx.request?.anonymousId, userId: user!.id });
      await notify(tx, { userId: user!.id, kind: "welcome", params: { name: data.fullName } });
      return user!;
    });
  } catch (e) {
    // Two sign-ups with one email at the same moment: the unique index decides, the loser gets a field error.
    if (isUniqueViolation(e)) {
      throw new ValidationFailed({ email: DUPLICATE_EMAIL }, "An account with this email already exists.", "email_taken");
    }
    throw e;
  }
}
