import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createTestUser } from "@/lib/testing/factories";
import { anonymousCtx } from "@/lib/context";
import { countMyUnread, listMyNotifications, markNotificationsRead } from "./index";
import { notify } from "./internal";

describe("in-app notifications", () => {
  it("are listed newest first to their owner only, counted and marked read", async () => {
    const a = await createTestUser("lender");
    const b = await createTestUser("lender");
    await notify(getDb(), [
      { userId: a.user.id, kind: "loan_funded", params: { loan: "L-1" }, link: "/lender" },
      { userId: a.user.id, kind: "loan_disbursed", params: { loan: "L-1" } },
      { userId: b.user.id, kind: "loan_funded", params: { loan: "L-2" } },
    ]);
    const mine = await listMyNotifications({ ctx: a.ctx });
    expect(mine.total).toBe(2);
    expect(await countMyUnread({ ctx: a.ctx })).toBe(2);
    const theirs = (await listMyNotifications({ ctx: b.ctx })).items[0]!;
    expect(await markNotificationsRead({ ctx: a.ctx, input: { ids: [theirs.id] } })).toBe(0);
    expect(await countMyUnread({ ctx: b.ctx })).toBe(1);
    expect(await markNotificationsRead({ ctx: a.ctx, input: {} })).toBe(2);
    expect(await countMyUnread({ ctx: a.ctx })).toBe(0);
    await expect(listMyNotifications({ ctx: anonymousCtx() })).rejects.toMatchObject({ status: 401 });
  });
});
