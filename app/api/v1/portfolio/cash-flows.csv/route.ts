import { withReaderHeader } from "@/app/api/_lib/csv";
import { route } from "@/app/api/_lib/route";
import { now } from "@/lib/clock";
import { portfolioCashFlowsCsv } from "@/lib/lending/portfolio";

/** Every cash flow of the signed-in lender as CSV (lender only; others get the error's status). */
export const GET = route(async ({ ctx }) => {
  const csv = await withReaderHeader(await portfolioCashFlowsCsv({ ctx }), "portfolio");
  const day = now().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lumbung-portfolio-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
