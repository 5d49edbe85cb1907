import "server-only";
import { asc, eq } from "drizzle-orm";
import { segmentMembers, users } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseLookup } from "@/lib/errors";
import { getSegment } from "./get";
import type { SegmentMemberRow } from "./members";
import { SegmentLookupInput } from "./schemas";

/** The CSV's first line: machine keys, which the route may put in the reader's language. */
export const SEGMENT_CSV_COLUMNS = ["user_id", "name", "email", "role", "entered_at"] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Made safe for spreadsheets first: a cell that starts with = + - @ (or a tab or carriage return,
 * which some spreadsheets skip before reading a formula) gets a leading apostrophe, so a member who
 * calls themselves `=HYPERLINK(…)` is shown as text, never run as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Pure: the members as CSV text, CRLF line ends (RFC 4180), instants in ISO 8601 UTC. */
export function segmentMembersToCsv(rows: readonly SegmentMemberRow[]): string {
  const lines = [SEGMENT_CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push([r.userId, r.name, r.email, r.role, r.enteredAt.toISOString()].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Admin only: every member of a segment as CSV (user id, name, email, role, entered at). */
export async function exportSegmentCsv({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ csv: string; name: string }> {
  requireRole(ctx, "admin");
  const { segmentId } = parseLookup(SegmentLookupInput, input, "The segment");
  const segment = await getSegment({ ctx, input: { segmentId } });
  const rows = await dbOf(ctx)
    .select({ userId: users.id, name: users.fullName, email: users.email, role: users.role, enteredAt: segmentMembers.enteredAt })
    .from(segmentMembers)
    .innerJoin(users, eq(users.id, segmentMembers.userId))
    .where(eq(segmentMembers.segmentId, segmentId))
    .orderBy(asc(segmentMembers.enteredAt), asc(users.id));
  return { csv: segmentMembersToCsv(rows), name: segment.name };
}
