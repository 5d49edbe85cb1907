import { getTranslations } from "next-intl/server";
import { route } from "@/app/api/_lib/route";
import { csvCell, exportSegmentCsv, SEGMENT_CSV_COLUMNS } from "@/lib/engagement";

type Translate = { (key: string): string; has: (key: string) => boolean };

/** Admins only: a segment's members as a CSV download, the header in the reader's language. */
export const GET = route<{ id: string }>(async ({ ctx, params }) => {
  const { csv } = await exportSegmentCsv({ ctx, input: { segmentId: params.id } });
  const t = (await getTranslations("segments.csv")) as unknown as Translate;
  const header = SEGMENT_CSV_COLUMNS.map((k) => csvCell(t.has(k) ? t(k) : k)).join(",");
  return new Response(header + csv.slice(csv.indexOf("\r\n")), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lumbung-segment-${params.id}.csv"`,
      "cache-control": "no-store",
    },
  });
});
