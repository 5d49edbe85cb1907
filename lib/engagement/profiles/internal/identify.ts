import "server-only";
import type { DbOrTx } from "@/db";
import { identityAliases } from "@/db/schema";
import { now } from "@/lib/clock";

/** What the proxy puts in `lumbung_aid` (a UUID); anything else a client made up is not linked. */
const ANONYMOUS_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Links a browser's anonymous id to the user who signed up or signed in with it, in the caller's
 * transaction (registerUser, authorizeSignIn), so funnels that start before sign-up join
 * events.anonymous_id to identity_aliases instead of rebuilding identity from sign-in events.
 *
 * An anonymous id belongs to the first user seen with it (on conflict do nothing): on a shared
 * browser, a second person signing in later does not take over the first one's anonymous history.
 * Their later events carry their own user id anyway. A missing or malformed id links nothing.
 */
export async function identify(tx: DbOrTx, { anonymousId, userId }: { anonymousId: string | null | undefined; userId: string }): Promise<void> {
  if (!anonymousId || !ANONYMOUS_ID.test(anonymousId)) return;
  await tx.insert(identityAliases).values({ anonymousId, userId, linkedAt: now() }).onConflictDoNothing();
}
