import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http";
import { readApplicationDocument } from "@/lib/loans/application-queries";

/** An application document, for its owner and admins only (anyone else: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const doc = await readApplicationDocument({ ctx: await getRequestCtx(), documentId: id });
    return new Response(Buffer.from(doc.bytes), {
      headers: {
        "content-type": doc.mime,
        "content-disposition": `inline; filename="${doc.fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
