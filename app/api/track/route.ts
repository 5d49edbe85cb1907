import { NextResponse } from "next/server";
import { route } from "@/app/api/_lib/route";
import { trackClientEvents } from "@/lib/engagement/client-events";
import { parseJsonText, readBodyText } from "@/lib/engagement/tracking/body";
import { consentFromCookieHeader } from "@/lib/engagement/tracking/consent";

/**
 * The browser tracker's endpoint (components/tracking/tracker.ts): a batch of client events, answered
 * 202 `{ accepted, duplicates }`. A body over 64 KB or a batch over 50 events is 413
 * `batch_too_large`; bad JSON 400 `invalid_json` (as everywhere, lib/http.ts); the catalogue's
 * refusals come from trackClientEvents. A visitor who chose "only necessary" cookies is stored
 * nothing (202, accepted 0), whatever their browser sends.
 */
export const POST = route(async ({ request, ctx }) => {
  const text = await readBodyText(request);
  if (consentFromCookieHeader(request.headers.get("cookie")) === "necessary") {
    return NextResponse.json({ accepted: 0, duplicates: 0 }, { status: 202 });
  }
  const result = await trackClientEvents({ ctx, input: parseJsonText(text) });
  return NextResponse.json(result, { status: 202 });
});
