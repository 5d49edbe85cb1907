import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http";
import { readKycFile } from "@/lib/kyc";
import { attachmentHeaders } from "@/lib/storage";

/** A KYC upload, as a download of its sniffed type (lib/storage attachmentHeaders), only to its owner or an admin (404 for anyone else, decided in lib/kyc). */
export async function GET(_request: Request, { params }: { params: Promise<{ stepId: string; field: string }> }) {
  try {
    const { stepId, field } = await params;
    const file = await readKycFile({ ctx: await getRequestCtx(), stepId, field });
    return new Response(Buffer.from(file.bytes), { headers: attachmentHeaders({ mime: file.mime, baseName: `kyc-${field}`, size: file.bytes.length }) });
  } catch (e) {
    return errorResponse(e);
  }
}
