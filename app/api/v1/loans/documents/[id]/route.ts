import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http";
import { readApplicationDocument } from "@/lib/loans/application-queries";
import { attachmentHeaders } from "@/lib/storage";

/** An application document, as a download of its sniffed type (lib/storage attachmentHeaders), for its owner and admins only (anyone else: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const doc = await readApplicationDocument({ ctx: await getRequestCtx(), documentId: id });
    // Named by the server (kind + id), never by the uploader's file name.
    return new Response(Buffer.from(doc.bytes), { headers: attachmentHeaders({ mime: doc.mime, baseName: `${doc.kind}-${id.slice(0, 8)}`, size: doc.bytes.length }) });
  } catch (e) {
    return errorResponse(e);
  }
}
