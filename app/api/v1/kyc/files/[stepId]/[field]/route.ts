import { route } from "@/app/api/_lib/route";
import { readKycFile } from "@/lib/kyc";
import { attachmentHeaders } from "@/lib/storage";

/** A KYC upload, as a download of its sniffed type (lib/storage attachmentHeaders), only to its owner or an admin (404 for anyone else, decided in lib/kyc). */
export const GET = route<{ stepId: string; field: string }>(async ({ ctx, params }) => {
  const { stepId, field } = params;
  const file = await readKycFile({ ctx, input: { stepId, field } });
  return new Response(Buffer.from(file.bytes), { headers: attachmentHeaders({ mime: file.mime, baseName: `kyc-${field}`, size: file.bytes.length }) });
});
