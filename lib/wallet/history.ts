import "server-only";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { MovementFiltersInput, MovementsQuery, UserMovementsQuery } from "./schemas";
import { movementsOf, type Movement } from "./internal/history";

/** The signed-in user's wallet movements, filtered by type and date range (from inclusive, to exclusive). */
export async function listMyMovements({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  const actor = requireRole(ctx, "lender", "borrower");
  const { page, pageSize, ...f } = parseInput(MovementsQuery, input ?? {});
  return movementsOf(dbOf(ctx), actor.userId, f, page, pageSize);
}

/** Admin: one user's wallet movements. */
export async function listUserMovementsForAdmin({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const { userId, page, pageSize, ...f } = parseInput(UserMovementsQuery, input);
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return { items: [] as Movement[], total: 0, page, pageSize };
  return movementsOf(dbOf(ctx), userId, f, page, pageSize);
}

export const CSV_MAX_ROWS = 10_000;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV export of the signed-in user's movements (same filters), newest first, at most 10 000 rows. */
export async function movementsCsv({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<string> {
  const actor = requireRole(ctx, "lender", "borrower");
  const f = parseInput(MovementFiltersInput, input ?? {});
  const { items } = await movementsOf(dbOf(ctx), actor.userId, f, 1, CSV_MAX_ROWS);
  const lines = ["date,type,amount_idr,reference_type,reference_id,transfer_id"];
  for (const m of items) {
    lines.push(
      [m.occurredAt.toISOString(), String(m.type), m.amount.toString(), m.reference.type, m.reference.id, m.transferId.toString()].map(csvField).join(","),
    );
  }
  return lines.join("\n") + "\n";
}
