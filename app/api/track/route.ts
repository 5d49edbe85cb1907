import { NextResponse } from "next/server";
import { getRequestCtx } from "@/lib/auth/session";
import { trackClientEvents } from "@/lib/engagement/client-events";
import { errorResponse, readJson } from "@/lib/http";

export async function POST(request: Request) {
  try {
    const ctx = await getRequestCtx();
    const accepted = await trackClientEvents({ ctx, input: await readJson(request) });
    return NextResponse.json({ accepted }, { status: 202 });
  } catch (e) {
    return errorResponse(e);
  }
}
