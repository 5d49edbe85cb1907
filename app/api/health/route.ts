import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  if (health.status === "ok") {
    return NextResponse.json({ status: "ok", database: health.database, jobs: health.jobs });
  }
  return NextResponse.json(
    { status: "error", database: health.database, jobs: health.jobs, failing: health.failing, message: health.detail },
    { status: 503 },
  );
}
