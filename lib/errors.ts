import { findUnsafeText, TEXT_INVALID } from "./text";

/**
 * Domain errors: every verb and query throws one of these for anything the caller did wrong.
 * Transports map them to a field error (forms) or a 4xx JSON body { code, message, fields? } (APIs);
 * anything else is a bug and becomes a 500.
 *
 * `message` is an English sentence for developers and API clients and holds no formatted money,
 * grams, dates or percentages; the figures travel in `details` as typed values (lib/money/params.ts:
 * idr(), gold(), day(), bps()…) and are rendered in the reader's language where the error is shown
 * (messages errors.<code> / errors.detailed.<code> and validation.detailed.<key>, formatted by
 * formatParams). A test (lib/money/no-formatted-money.test.ts) fails if lib/ builds an "Rp" string.
 */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    status: number,
    opts: { fields?: FieldErrors; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.fields = opts.fields;
    this.details = opts.details;
  }

  toJSON() {
    return { code: this.code, message: this.message, fields: this.fields, details: this.details };
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = "Please sign in first.") {
    super("unauthenticated", message, 401);
  }
}

export class Forbidden extends DomainError {
  constructor(message = "You are not allowed to do that.") {
    super("forbidden", message, 403);
  }
}

export class NotFound extends DomainError {
  constructor(what = "The item", code = "not_found") {
    super(code, `${what} was not found.`, 404);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 409, { details });
  }
}

export class ValidationFailed extends DomainError {
  constructor(fields: FieldErrors, message = "Please check the highlighted fields.", code = "validation_failed", details?: Record<string, unknown>) {
    super(code, message, 400, { fields, details });
  }
}

export class InsufficientFunds extends DomainError {
  constructor(message = "Not enough available balance.", details?: Record<string, unknown>) {
    super("insufficient_funds", message, 422, { details });
  }
}

export class LimitExceeded extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 422, { details });
  }
}

export class RateLimited extends DomainError {
  constructor(message = "Too many attempts. Please wait a little and try again.", retryAfterSeconds = 60) {
    super("rate_limited", message, 429, { details: { retryAfterSeconds } });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Throws ValidationFailed (400, field error textInvalid) when the input holds a NUL or a lone surrogate. */
export function rejectUnsafeText(input: unknown): void {
  const path = findUnsafeText(input);
  if (path !== null) {
    throw new ValidationFailed({ [path]: TEXT_INVALID }, "The text contains a NUL character or broken Unicode (a lone surrogate); remove it and try again.", "text_invalid");
  }
}

/** Turns a zod error into field errors keyed by the dotted path. */
export function fieldErrorsFromZod(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Parses input with a zod schema or throws ValidationFailed with field errors. Before the schema, every
 * string in the input is checked for what PostgreSQL cannot store (NUL, lone surrogates; lib/text.ts),
 * so no verb turns such text into a 500.
 */
export function parseInput<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
): T {
  rejectUnsafeText(input);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailed(fieldErrorsFromZod(result.error.issues));
  return result.data;
}

/**
 * parseInput for a lookup by id (`{ ctx, input: { loanId } }`): an id that cannot be one (not a uuid,
 * field error "notFound") is the same NotFound as an unknown id, so a page's 404 stays a 404.
 */
export function parseLookup<T>(
  schema: Parameters<typeof parseInput<T>>[0],
  input: unknown,
  what = "The item",
): T {
  try {
    return parseInput(schema, input);
  } catch (e) {
    if (e instanceof ValidationFailed && e.code === "validation_failed" && Object.values(e.fields ?? {}).some((m) => m === "notFound")) throw new NotFound(what);
    throw e;
  }
}

/** PostgreSQL unique violation (SQLSTATE 23505), from postgres.js or PGlite. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | null;
  if (!err) return false;
  if (err.code === "23505") {
    if (!constraint) return true;
    return err.constraint_name === constraint || err.constraint === constraint;
  }
  return err.cause ? isUniqueViolation(err.cause, constraint) : false;
}
