import { NextResponse } from "next/server";
import { route } from "@/app/api/_lib/route";
import { trackClientEvents } from "@/lib/engagement/client-events";
import { readJson } from "@/lib/http";

export const POST = route(async ({ request, ctx }) => {
  const accepted = await trackClientEvents({ ctx, input: await readJson(request) });
  return NextResponse.json({ accepted }, { status: 202 });
});
