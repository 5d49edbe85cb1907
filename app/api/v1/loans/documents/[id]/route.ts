import { route } from "@/app/api/_lib/route";
import { readApplicationDocument } from "@/lib/loans/application-queries";
import { attachmentHeaders } from "@/lib/storage";

/** An application document, as a download of its sniffed type (lib/storage attachmentHeaders), for its owner and admins only (anyone else: 404). */
export const GET = route<{ id: string }>(async ({ ctx, params }) => {
  const { id } = params;
  const doc = await readApplicationDocument({ ctx, input: { documentId: id } });
  // Named by the server (kind + id), never by the uploader's file name.
  return new Response(Buffer.from(doc.bytes), { headers: attachmentHeaders({ mime: doc.mime, baseName: `${doc.kind}-${id.slice(0, 8)}`, size: doc.bytes.length }) });
});
