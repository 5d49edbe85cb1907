import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { errorResponse } from "@/lib/http";
import { portfolioCashFlowsCsv } from "@/lib/lending/portfolio";

/** Every cash flow of the signed-in lender as CSV (lender only; others get the error's status). */
export async function GET() {
  try {
    const csv = await portfolioCashFlowsCsv({ ctx: await getRequestCtx() });
    const day = now().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="lumbung-portfolio-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
