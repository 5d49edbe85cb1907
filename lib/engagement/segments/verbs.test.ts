import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, events, profiles, segmentMembers, segments } from "@/db/schema";
import { now } from "@/lib/clock";
import { anonymousCtx, systemCtx, type Ctx } from "@/lib/context";
import { createTestUser } from "@/lib/testing/factories";
import { archiveSegment } from "./archive";
import { createSegment } from "./create";
import { csvCell, exportSegmentCsv, segmentMembersToCsv } from "./export";
import { getSegment } from "./get";
import { listSegmentChoices, listSegments } from "./list";
import { listSegmentMembers } from "./members";
import { previewSegment } from "./preview";
import { updateSegment } from "./update";

let currentCtx: Ctx = anonymousCtx();
vi.mock("@/lib/auth/session", () => ({ getRequestCtx: async () => currentCtx }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((k: string) => k, { has: () => false }) }));

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

/** A user with a profile row as the traits refresh would leave it. */
async function lender(fullName: string, city: string | null, extra: Partial<typeof profiles.$inferInsert> = {}) {
  const u = await createTestUser("lender", { fullName });
  const at = now();
  await getDb().insert(profiles).values({ userId: u.user.id, role: "lender", city, signedUpAt: at, updatedAt: at, ...extra });
  return u;
}

const jakartaLenders = {
  type: "group",
  op: "and",
  rules: [
    { type: "property", field: "role", op: "eq", value: "lender" },
    { type: "property", field: "city", op: "contains", value: "Jakarta" },
  ],
} as const;

let admin: Awaited<ReturnType<typeof createTestUser>>;
let borrower: Awaited<ReturnType<typeof createTestUser>>;
let inJakarta: Awaited<ReturnType<typeof createTestUser>>[] = [];

beforeAll(async () => {
  admin = await createTestUser("admin", { fullName: "Admin Segmen" });
  borrower = await createTestUser("borrower");
  inJakarta = [];
  for (let i = 0; i < 12; i++) inJakarta.push(await lender(`Jakarta Lender ${String(i).padStart(2, "0")}`, i % 2 ? "Jakarta Timur" : "Kota Jakarta Selatan"));
  await lender("Bandung Lender", "Bandung");
  await lender("Cityless Lender", null);
});

describe("segment verbs", () => {
  it("an admin creates a segment: version 1, what it depends on, members computed at once, audited", async () => {
    const { id } = await createSegment({ ctx: admin.ctx, input: { name: " Jakarta lenders ", description: "Lenders in Jakarta", rule: jakartaLenders } });
    const row = await getSegment({ ctx: admin.ctx, input: { segmentId: id } });
    expect(row).toMatchObject({ name: "Jakarta lenders", description: "Lenders in Jakarta", version: 1, status: "active", memberCount: 12, key: null });
    expect(row.refreshedAt).toBeInstanceOf(Date);
    const [stored] = await getDb().select().from(segments).where(eq(segments.id, id));
    expect(stored!.fields.sort()).toEqual(["city", "role"]);
    expect(stored!.createdBy).toBe(admin.user.id);
    const members = await listSegmentMembers({ ctx: admin.ctx, input: { segmentId: id, pageSize: 5 } });
    expect(members.total).toBe(12);
    expect(members.items).toHaveLength(5);
    expect(members.items[0]).toMatchObject({ email: expect.stringContaining("@"), role: "lender", enteredAt: expect.any(Date) });
    const audit = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.subjectId, id));
    expect(audit).toEqual([expect.objectContaining({ action: "segment.created", subjectType: "segment", adminId: admin.user.id })]);

    const list = await listSegments({ ctx: admin.ctx });
    expect(list.items.find((s) => s.id === id)).toMatchObject({ name: "Jakarta lenders", memberCount: 12, version: 1 });
    expect((await listSegmentChoices({ ctx: admin.ctx })).map((s) => s.id)).toContain(id);
  });

  it("the system (the seed) may create a segment with a key, unaudited; a taken key is a field error", async () => {
    const { id } = await createSegment({ ctx: systemCtx("seed"), input: { key: "bandung", name: "Bandung", rule: { type: "group", op: "and", rules: [{ type: "property", field: "city", op: "eq", value: "Bandung" }] } } });
    expect((await getSegment({ ctx: admin.ctx, input: { segmentId: id } })).memberCount).toBe(1);
    expect(await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.subjectId, id))).toHaveLength(0);
    expect(await rejected(createSegment({ ctx: systemCtx("seed"), input: { key: "bandung", name: "Again", rule: jakartaLenders } }))).toMatchObject({ status: 400, code: "segment_key_taken", fields: { key: "keyTaken" } });
  });

  it("an edit is version + 1, recomputes the members and is audited with what changed", async () => {
    const { id } = await createSegment({ ctx: admin.ctx, input: { name: "To edit", rule: jakartaLenders } });
    const narrower = { ...jakartaLenders, rules: [...jakartaLenders.rules, { type: "property", field: "city", op: "contains", value: "Timur" }] };
    expect(await updateSegment({ ctx: admin.ctx, input: { segmentId: id, name: "East Jakarta", description: "", rule: narrower, expectedVersion: 1 } })).toEqual({ id, version: 2 });
    const row = await getSegment({ ctx: admin.ctx, input: { segmentId: id } });
    expect(row).toMatchObject({ version: 2, name: "East Jakarta", memberCount: 6 });
    expect((await listSegmentMembers({ ctx: admin.ctx, input: { segmentId: id } })).total).toBe(6);
    const [audit] = await getDb().select().from(adminAuditLog).where(and(eq(adminAuditLog.subjectId, id), eq(adminAuditLog.action, "segment.updated")));
    expect(audit!.details).toMatchObject({ before: { version: 1, name: "To edit" }, after: { version: 2, name: "East Jakarta" } });
    // A save from an editor opened at version 1 is refused now.
    expect(await rejected(updateSegment({ ctx: admin.ctx, input: { segmentId: id, name: "Stale", rule: jakartaLenders, expectedVersion: 1 } }))).toMatchObject({ status: 409, code: "segment_version_conflict" });
  });

  it("previews a rule live: the count and ten members by name, nothing stored", async () => {
    const before = await getDb().select().from(segmentMembers);
    const preview = await previewSegment({ ctx: admin.ctx, input: { rule: jakartaLenders } });
    expect(preview.count).toBe(12);
    expect(preview.sample).toHaveLength(10);
    expect(preview.sample.map((s) => s.name)).toEqual([...preview.sample.map((s) => s.name)].sort());
    expect(preview.sample[0]).toEqual({ userId: inJakarta[0]!.user.id, name: "Jakarta Lender 00", email: inJakarta[0]!.user.email, role: "lender" });
    expect(await getDb().select().from(segmentMembers)).toHaveLength(before.length);
    const none = await previewSegment({ ctx: admin.ctx, input: { rule: { type: "group", op: "and", rules: [{ type: "property", field: "city", op: "eq", value: "Surabaya" }] } } });
    expect(none).toEqual({ count: 0, sample: [] });
  });

  it("an incomplete rule is a 400 with a field error under rule.<path> for each incomplete part", async () => {
    const incomplete = { type: "group", op: "and", rules: [{ type: "property", field: "city", op: "contains", value: "Jakarta" }, { type: "event", event: "topup_paid", op: "at_least" }, { type: "group", op: "or", rules: [] }] };
    const e = await rejected(previewSegment({ ctx: admin.ctx, input: { rule: incomplete } }));
    expect(e).toMatchObject({ status: 400, code: "segment_rule_invalid" });
    const keys = Object.keys(e.fields);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.every((k: string) => k === "rule" || k.startsWith("rule."))).toBe(true);
    expect(keys.some((k: string) => k.startsWith("rule.rules.1"))).toBe(true);
    expect(keys.some((k: string) => k.startsWith("rule.rules.2"))).toBe(true);
    expect(await rejected(createSegment({ ctx: admin.ctx, input: { name: "Broken", rule: incomplete } }))).toMatchObject({ status: 400, code: "segment_rule_invalid" });
    expect(await rejected(createSegment({ ctx: admin.ctx, input: { name: "", rule: jakartaLenders } }))).toMatchObject({ status: 400, fields: { name: "nameRequired" } });
    expect(await getDb().select().from(segments).where(eq(segments.name, "Broken"))).toHaveLength(0);
  });

  it("refuses a rule that would make segments depend on each other in a circle, and a reference to an unknown segment", async () => {
    const a = await createSegment({ ctx: admin.ctx, input: { name: "Cycle A", rule: jakartaLenders } });
    const b = await createSegment({ ctx: admin.ctx, input: { name: "Cycle B", rule: { type: "group", op: "and", rules: [{ type: "segment", segmentId: a.id, op: "in" }] } } });
    const c = await createSegment({ ctx: admin.ctx, input: { name: "Cycle C", rule: { type: "group", op: "or", rules: [{ type: "segment", segmentId: b.id, op: "in" }] } } });
    expect((await getSegment({ ctx: admin.ctx, input: { segmentId: c.id } })).memberCount).toBe(12);
    const [storedC] = await getDb().select().from(segments).where(eq(segments.id, c.id));
    expect(storedC!.dependsOn).toEqual([b.id]);
    // A → C → B → A.
    const cyclic = { type: "group", op: "and", rules: [jakartaLenders, { type: "group", op: "or", rules: [{ type: "segment", segmentId: c.id, op: "not_in" }] }] };
    const e = await rejected(updateSegment({ ctx: admin.ctx, input: { segmentId: a.id, name: "Cycle A", rule: cyclic } }));
    expect(e).toMatchObject({ status: 400, code: "segment_cycle", fields: { "rule.rules.1.rules.0.segmentId": "segmentCycle" } });
    const self = await rejected(updateSegment({ ctx: admin.ctx, input: { segmentId: a.id, name: "Cycle A", rule: { type: "group", op: "and", rules: [{ type: "segment", segmentId: a.id, op: "in" }] } } }));
    expect(self).toMatchObject({ code: "segment_cycle" });
    expect((await getSegment({ ctx: admin.ctx, input: { segmentId: a.id } })).version).toBe(1);
    const unknown = await rejected(createSegment({ ctx: admin.ctx, input: { name: "Ghost", rule: { type: "group", op: "and", rules: [{ type: "segment", segmentId: "00000000-0000-4000-8000-000000000000", op: "in" }] } } }));
    expect(unknown).toMatchObject({ status: 400, fields: { "rule.rules.0.segmentId": "segmentUnknown" } });

    // A segment another one refers to cannot be archived until that rule changes.
    expect(await rejected(archiveSegment({ ctx: admin.ctx, input: { segmentId: b.id } }))).toMatchObject({ status: 409, code: "segment_in_use" });
    await archiveSegment({ ctx: admin.ctx, input: { segmentId: c.id } });
    await archiveSegment({ ctx: admin.ctx, input: { segmentId: c.id } });
    expect((await getSegment({ ctx: admin.ctx, input: { segmentId: c.id } })).status).toBe("archived");
    expect((await listSegments({ ctx: admin.ctx })).items.map((s) => s.id)).not.toContain(c.id);
    expect((await listSegments({ ctx: admin.ctx, input: { status: "archived" } })).items.map((s) => s.id)).toContain(c.id);
    expect(await getDb().select().from(adminAuditLog).where(and(eq(adminAuditLog.subjectId, c.id), eq(adminAuditLog.action, "segment.archived")))).toHaveLength(1);
    expect(await rejected(updateSegment({ ctx: admin.ctx, input: { segmentId: c.id, name: "Back", rule: jakartaLenders } }))).toMatchObject({ status: 409, code: "segment_archived" });
    expect(await rejected(createSegment({ ctx: admin.ctx, input: { name: "On archived", rule: { type: "group", op: "and", rules: [{ type: "segment", segmentId: c.id, op: "in" }] } } }))).toMatchObject({ fields: { "rule.rules.0.segmentId": "segmentArchived" } });
    await archiveSegment({ ctx: admin.ctx, input: { segmentId: b.id } });
  });

  it("exports members as RFC 4180 CSV with formula-looking cells made harmless", async () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}1`).replace(/^"/, "")).toMatch(/^'/);
    const at = new Date("2026-12-01T03:04:05.000Z");
    expect(segmentMembersToCsv([{ userId: "u1", name: "=cmd|' /C calc'!A0", email: "a@b.c", role: "lender", enteredAt: at }, { userId: "u2", name: "Lestari, Sari", email: "s@b.c", role: "lender", enteredAt: at }])).toBe(
      "user_id,name,email,role,entered_at\r\nu1,'=cmd|' /C calc'!A0,a@b.c,lender,2026-12-01T03:04:05.000Z\r\nu2,\"Lestari, Sari\",s@b.c,lender,2026-12-01T03:04:05.000Z\r\n",
    );

    const evil = await lender('=HYPERLINK("http://evil") Jakarta', "Jakarta Barat");
    const { id } = await createSegment({ ctx: admin.ctx, input: { name: "Export", rule: jakartaLenders } });
    const { csv } = await exportSegmentCsv({ ctx: admin.ctx, input: { segmentId: id } });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("user_id,name,email,role,entered_at");
    expect(lines).toHaveLength(14);
    expect(lines).toContain(`${evil.user.id},"'=HYPERLINK(""http://evil"") Jakarta",${evil.user.email},lender,${(await getDb().select().from(segmentMembers).where(and(eq(segmentMembers.segmentId, id), eq(segmentMembers.userId, evil.user.id))))[0]!.enteredAt.toISOString()}`);
  });

  it("refuses every verb to a non-admin (403) and to anyone signed out (401)", async () => {
    const { id } = await createSegment({ ctx: admin.ctx, input: { name: "Private", rule: jakartaLenders } });
    const calls: ((ctx: Ctx) => Promise<unknown>)[] = [
      (ctx) => createSegment({ ctx, input: { name: "X", rule: jakartaLenders } }),
      (ctx) => updateSegment({ ctx, input: { segmentId: id, name: "X", rule: jakartaLenders } }),
      (ctx) => archiveSegment({ ctx, input: { segmentId: id } }),
      (ctx) => listSegments({ ctx }),
      (ctx) => listSegmentChoices({ ctx }),
      (ctx) => getSegment({ ctx, input: { segmentId: id } }),
      (ctx) => previewSegment({ ctx, input: { rule: jakartaLenders } }),
      (ctx) => listSegmentMembers({ ctx, input: { segmentId: id } }),
      (ctx) => exportSegmentCsv({ ctx, input: { segmentId: id } }),
    ];
    for (const call of calls) {
      expect(await rejected(call(inJakarta[0]!.ctx))).toMatchObject({ status: 403 });
      expect(await rejected(call(borrower.ctx))).toMatchObject({ status: 403 });
      expect(await rejected(call(anonymousCtx()))).toMatchObject({ status: 401 });
    }
    for (const call of calls.slice(1)) expect(await rejected(call(systemCtx("job")))).toMatchObject({ status: 401 });
    expect((await getSegment({ ctx: admin.ctx, input: { segmentId: id } })).version).toBe(1);
    expect(await rejected(getSegment({ ctx: admin.ctx, input: { segmentId: "nope" } }))).toMatchObject({ status: 404 });
  });

  it("the routes answer 403 to a non-admin, and the preview JSON and the CSV download to an admin", async () => {
    const { POST } = await import("@/app/api/admin/segments/preview/route");
    const { GET } = await import("@/app/api/admin/segments/[id]/export/route");
    const { id } = await createSegment({ ctx: admin.ctx, input: { name: "Routed", rule: jakartaLenders } });
    const preview = () => POST(new Request("http://localhost/api/admin/segments/preview", { method: "POST", body: JSON.stringify({ rule: jakartaLenders }) }));
    const exported = () => GET(new Request(`http://localhost/api/admin/segments/${id}/export`), { params: Promise.resolve({ id }) });
    for (const ctx of [inJakarta[0]!.ctx, borrower.ctx]) {
      currentCtx = ctx;
      expect((await preview()).status).toBe(403);
      expect((await exported()).status).toBe(403);
    }
    currentCtx = anonymousCtx();
    expect((await preview()).status).toBe(401);
    currentCtx = admin.ctx;
    const ok = await preview();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ count: 13, sample: expect.any(Array) });
    const bad = await POST(new Request("http://localhost/api/admin/segments/preview", { method: "POST", body: JSON.stringify({ rule: { type: "group", op: "and", rules: [] } }) }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "segment_rule_invalid", fields: expect.any(Object) });
    const csv = await exported();
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="lumbung-segment-/);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toBe("user_id,name,email,role,entered_at");
    expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: "not-a-uuid" }) })).status).toBe(404);
  });
});

void events;
