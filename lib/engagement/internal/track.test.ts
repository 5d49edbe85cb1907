import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events } from "@/db/schema";
import { createTestUser } from "@/lib/testing/factories";
import { EventPropertiesMismatch, track, trackMany, type TrackEvent } from "./track";

const LOAN = "3f1e2d4c-5b6a-4789-8abc-def012345678";

async function stored(userId: string) {
  return getDb().select({ name: events.name, properties: events.properties }).from(events).where(eq(events.userId, userId));
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("track validates properties against the catalogue", () => {
  it("stores matching properties in their JSON form (bigint → decimal string, Date → ISO)", async () => {
    const { user } = await createTestUser("borrower");
    await track(getDb(), { name: "installment_due_soon", userId: user.id, properties: { loanId: LOAN, number: 1, dueDate: new Date("2026-12-03T17:00:00Z"), owed: 1_250_000n } });
    const rows = (await stored(user.id)).filter((r) => r.name === "installment_due_soon");
    expect(rows.map((r) => r.properties)).toEqual([{ loanId: LOAN, number: 1, dueDate: "2026-12-03T17:00:00.000Z", owed: "1250000" }]);
  });

  it("outside production a mismatch throws and stores nothing, on the row path and on the bulk path", async () => {
    const { user } = await createTestUser("borrower");
    const before = (await stored(user.id)).length;
    await expect(track(getDb(), { name: "loan_repaid", userId: user.id, properties: { loanId: LOAN, principal: 5, extra: true } })).rejects.toBeInstanceOf(EventPropertiesMismatch);
    const many: TrackEvent[] = Array.from({ length: 20 }, (_, i) => ({ name: "loan_repaid", userId: user.id, properties: { loanId: LOAN, principal: BigInt(i) } }));
    many[13] = { name: "loan_repaid", userId: user.id, properties: { loanId: "not-a-uuid", principal: 1n } };
    await expect(trackMany(getDb(), many)).rejects.toThrow(/loan_repaid.*loanId/);
    await expect(track(getDb(), { name: "made_up" as never, userId: user.id })).rejects.toThrow(/unknown event name/);
    expect((await stored(user.id)).length).toBe(before);
  });

  it("in production a mismatch is stored anyway (never lose a business event) and logged with the event's name", async () => {
    const { user } = await createTestUser("borrower");
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    await track(getDb(), { name: "loan_repaid", userId: user.id, properties: { loanId: LOAN, principal: 7n, surprise: "x" } });
    const rows = (await stored(user.id)).filter((r) => r.name === "loan_repaid");
    expect(rows.map((r) => r.properties)).toEqual([{ loanId: LOAN, principal: "7", surprise: "x" }]);
    const line = JSON.parse(String(warn.mock.calls.at(-1)?.[0]));
    expect(line).toMatchObject({ level: "warn", event: "loan_repaid" });
    expect(JSON.stringify(line.issues)).toContain("surprise");
  });
});
