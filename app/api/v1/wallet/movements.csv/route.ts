import { withReaderHeader } from "@/app/api/_lib/csv";
import { route } from "@/app/api/_lib/route";
import { now } from "@/lib/clock";
import { movementsCsv } from "@/lib/wallet";

export const GET = route(async ({ request, ctx }) => {
  const q = new URL(request.url).searchParams;
  const filters = { type: q.get("type") || undefined, from: q.get("from") || undefined, to: q.get("to") || undefined };
  const csv = await withReaderHeader(await movementsCsv({ ctx, input: filters }), "wallet");
  const day = now().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lumbung-wallet-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
