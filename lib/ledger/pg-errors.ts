/** Finds the PostgreSQL error (SQLSTATE code and constraint) under driver and drizzle wrappers. */
export function pgErrorOf(e: unknown): { code: string; constraint?: string } | undefined {
  let current: unknown = e;
  for (let depth = 0; current && depth < 5; depth++) {
    const err = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) {
      const constraint = typeof err.constraint_name === "string" ? err.constraint_name : typeof err.constraint === "string" ? err.constraint : undefined;
      return { code: err.code, constraint };
    }
    current = err.cause;
  }
  return undefined;
}

export const CHECK_VIOLATION = "23514";
export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";
