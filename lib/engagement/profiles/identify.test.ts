import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { identityAliases } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { anonymousCtx } from "@/lib/context";
import { authorizeSignIn } from "@/lib/auth/credentials";
import { registerUser } from "@/lib/auth/register";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { identify } from "./internal/identify";

const aliasesOf = (userId: string) => getDb().select().from(identityAliases).where(eq(identityAliases.userId, userId));

beforeEach(() => setNow("2026-03-01T03:00:00Z"));

describe("identify: anonymous ids linked to users", () => {
  it("at sign-up, in the registration's transaction", async () => {
    const anonymousId = randomUUID();
    const user = await registerUser({
      ctx: anonymousCtx({ ip: "198.51.100.1", anonymousId }),
      input: { role: "lender", fullName: "Sari Wulandari", email: `sari-${anonymousId}@example.com`, phone: "0812-1111-2222", password: "kopi-tubruk-pagi-7", locale: "id" },
    });
    expect(await aliasesOf(user.id)).toEqual([{ anonymousId, userId: user.id, linkedAt: new Date("2026-03-01T03:00:00Z") }]);
  });

  it("at sign-in, with the session; a second browser adds a second alias, the same one again adds nothing", async () => {
    const { user } = await createTestUser("lender");
    const first = randomUUID();
    const second = randomUUID();
    const headers = (aid: string) => new Headers({ "x-forwarded-for": "192.0.2.50", cookie: `lumbung_aid=${aid}` });
    await authorizeSignIn({ email: user.email, password: TEST_PASSWORD }, headers(first));
    await authorizeSignIn({ email: user.email, password: TEST_PASSWORD }, headers(first));
    await authorizeSignIn({ email: user.email, password: TEST_PASSWORD }, headers(second));
    expect((await aliasesOf(user.id)).map((a) => a.anonymousId).sort()).toEqual([first, second].sort());
  });

  it("an anonymous id belongs to the first user seen with it (a shared browser)", async () => {
    const a = await createTestUser("lender");
    const b = await createTestUser("lender");
    const shared = randomUUID();
    await identify(getDb(), { anonymousId: shared, userId: a.user.id });
    await identify(getDb(), { anonymousId: shared, userId: b.user.id });
    expect((await aliasesOf(a.user.id)).map((r) => r.anonymousId)).toContain(shared);
    expect(await aliasesOf(b.user.id)).toEqual([]);
  });

  it("links nothing without an anonymous id or with one that is not an id", async () => {
    const { user } = await createTestUser("borrower");
    for (const anonymousId of [null, undefined, "", "a b", "x".repeat(101), "'; drop table users; --"]) {
      await identify(getDb(), { anonymousId, userId: user.id });
    }
    await authorizeSignIn({ email: user.email, password: TEST_PASSWORD }, new Headers({ "x-forwarded-for": "192.0.2.51" }));
    expect(await aliasesOf(user.id)).toEqual([]);
  });
});
