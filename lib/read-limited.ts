/**
 * Reads a request body stream up to `limit` bytes, counting as it reads (a missing or false
 * Content-Length cannot get a larger body through): the bytes, or "too_large" as soon as the count
 * passes the limit (the stream is cancelled). Shared by the proxy's request guard and /api/track.
 * Imports nothing, so the proxy can load it.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | "too_large"> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too_large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
