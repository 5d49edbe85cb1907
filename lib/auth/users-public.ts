import "server-only";
import { getDb } from "@/db";
import { findUserByEmail } from "./internal/users";

/**
 * Called only right after Auth.js accepted the password for this email: the role and language to
 * land the user with. Returns nothing sensitive.
 */
export async function lookupSignedInUser(email: string) {
  const user = await findUserByEmail(getDb(), email);
  return user ? { role: user.role, locale: user.locale } : undefined;
}
