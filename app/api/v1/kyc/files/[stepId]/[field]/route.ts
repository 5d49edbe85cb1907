import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http";
import { readKycFile } from "@/lib/kyc";

/** A KYC upload, streamed only to its owner or an admin (404 for anyone else, decided in lib/kyc). */
export async function GET(_request: Request, { params }: { params: Promise<{ stepId: string; field: string }> }) {
  try {
    const { stepId, field } = await params;
    const file = await readKycFile({ ctx: await getRequestCtx(), stepId, field });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "content-type": file.mime,
        "content-length": String(file.bytes.length),
        "cache-control": "private, no-store",
        "content-disposition": "inline",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
