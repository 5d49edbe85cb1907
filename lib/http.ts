import "server-only";
import { NextResponse } from "next/server";
import { isDomainError, rejectUnsafeText, ValidationFailed } from "./errors";
import { logger } from "./logger";

/** Route handlers: domain errors become a 4xx JSON body { code, message, fields? }; the rest a 500. */
export function errorResponse(e: unknown): NextResponse {
  if (isDomainError(e)) {
    return NextResponse.json({ code: e.code, message: e.message, fields: e.fields, details: e.details }, { status: e.status });
  }
  logger.error("unhandled error in route", { error: String(e), stack: e instanceof Error ? e.stack : undefined });
  return NextResponse.json({ code: "internal_error", message: "Something went wrong on our side." }, { status: 500 });
}

/** Reads a JSON body or answers 400 with a clear message (also for NUL characters and lone surrogates in it). */
export async function readJson(request: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ValidationFailed({ _body: "invalidJson" }, "The request body is not valid JSON.", "invalid_json");
  }
  rejectUnsafeText(body);
  return body;
}

/** JSON with bigints as decimal strings: the API never sends money as a JS number. */
export function jsonResponse(data: unknown, init?: ResponseInit): NextResponse {
  const body = JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  return new NextResponse(body, { ...init, headers: { "content-type": "application/json", ...(init?.headers ?? {}) } });
}
