/**
 * Text that PostgreSQL cannot store: a NUL character (text and jsonb refuse U+0000) or a lone UTF-16
 * surrogate (not valid Unicode; jsonb refuses its escape and UTF-8 has no encoding for it). Such input
 * is refused up front with a field error instead of failing in the database as a 500.
 * Client-safe: forms can use `safeText()` and the server's parseInput/readJson guard every input.
 */
import { z } from "zod";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The field-error key (messages: validation.textInvalid) for text that cannot be stored. */
export const TEXT_INVALID = "textInvalid";

/** True when the string has a NUL character or a lone surrogate. */
export function isUnsafeText(s: string): boolean {
  return s.includes("\u0000") || LONE_SURROGATE.test(s);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The dotted path of the first unsafe string (or object key) in a JSON-like value, or null. Walks
 * plain objects and arrays only (uploads arrive as Blob/Uint8Array and are left alone), at most 32 deep.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return isUnsafeText(value) ? path.join(".") || "_form" : null;
  if (depth >= 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (isUnsafeText(k)) return [...path].join(".") || "_form";
      const found = findUnsafeText(v, [...path, k], depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A zod string that refuses NUL characters and lone surrogates with the textInvalid key. */
export function safeText() {
  return z.string().refine((s) => !isUnsafeText(s), { message: TEXT_INVALID });
}
