import "server-only";
import { DomainError, rejectUnsafeText, ValidationFailed } from "@/lib/errors";
import { readLimited } from "@/lib/read-limited";
import { TRACK_MAX_BODY_BYTES, TRACK_MAX_EVENTS_PER_BATCH } from "./limits";

export class BatchTooLarge extends DomainError {
  constructor(message = `A batch holds at most ${TRACK_MAX_EVENTS_PER_BATCH} events and ${TRACK_MAX_BODY_BYTES} bytes.`) {
    super("batch_too_large", message, 413, { details: { maxEvents: TRACK_MAX_EVENTS_PER_BATCH, maxBytes: TRACK_MAX_BODY_BYTES } });
  }
}

/**
 * Reads a request body of at most `limit` bytes: refused by its Content-Length when it says more, and
 * otherwise counted while read, so a body without a length (chunked) cannot be larger either.
 */
export async function readBodyText(request: Request, limit = TRACK_MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new BatchTooLarge();
  const bytes = await readLimited(request.body, limit);
  if (bytes === "too_large") throw new BatchTooLarge();
  return new TextDecoder().decode(bytes);
}

/** JSON.parse with the same 400 as readJson (lib/http.ts): `invalid_json`, and `text_invalid` for NUL / lone surrogates. */
export function parseJsonText(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationFailed({ _body: "invalidJson" }, "The request body is not valid JSON.", "invalid_json");
  }
  rejectUnsafeText(body);
  return body;
}
