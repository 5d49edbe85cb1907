import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * What a new password (sign-up, password change) must not be. Server-only: the list is large.
 *
 * - "common": one of the 100 000 passwords seen most often in breaches — the NCSC's
 *   PwnedPasswordsTop100k list, drawn from Have I Been Pwned's Pwned Passwords (see
 *   lib/auth/data/README.md for source and licence). Compared without case: `PASSWORD123` is as
 *   guessable as `password123`.
 * - "containsEmail": holds the user's email address, or its local part when that has 3+ characters.
 * - "containsName": holds the user's name without spaces, or any word of it of 4+ letters
 *   (short words such as "Adi" or "Ani" would refuse too many unrelated passwords).
 *
 * Existing passwords are never re-checked: this runs only where a password is chosen.
 */
export type WeakPasswordReason = "common" | "containsEmail" | "containsName";

/** Translation keys (under "validation") for each reason, used as field errors. */
export const WEAK_PASSWORD_MESSAGE: Record<WeakPasswordReason, string> = {
  common: "passwordCommon",
  containsEmail: "passwordContainsEmail",
  containsName: "passwordContainsName",
};

const LIST_FILE = path.join(process.cwd(), "lib", "auth", "data", "common-passwords.txt.gz");

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(gunzipSync(readFileSync(LIST_FILE)).toString("utf8").split("\n").filter(Boolean));
  return common;
}

/** How many passwords the shipped list holds (for tests and the docs). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

function fold(value: string): string {
  return value.normalize("NFKC").toLowerCase();
}

export function weakPasswordReason(
  password: string,
  who: { email: string; name?: string | null },
): WeakPasswordReason | null {
  const pw = fold(password);
  const email = fold(who.email.trim());
  const local = email.split("@")[0] ?? "";
  if (email && (pw.includes(email) || (local.length >= 3 && pw.includes(local)))) return "containsEmail";

  const name = fold(who.name?.trim() ?? "");
  if (name) {
    const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const compact = words.join("");
    if (compact.length >= 3 && pw.replace(/[^\p{L}\p{N}]+/gu, "").includes(compact)) return "containsName";
    if (words.some((w) => w.length >= 4 && pw.includes(w))) return "containsName";
  }

  if (commonPasswords().has(pw)) return "common";
  return null;
}
