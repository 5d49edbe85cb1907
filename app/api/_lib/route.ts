import { ZodError } from "zod";
import { getRequestCtx } from "@/lib/auth/session";
import { anonymousCtx, type Ctx } from "@/lib/context";
import { fieldErrorsFromZod, ValidationFailed } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

type Handler<P> = (args: { request: Request; ctx: Ctx; params: P }) => Promise<Response>;

/**
 * The one wrapper of every route handler: builds the request's ctx (session and request details;
 * `{ session: false }` for callers that are never signed in, e.g. the payment gateway), awaits the
 * route's params, and answers errors the same way everywhere — a DomainError (bad JSON included, see
 * readJson) or a ZodError as its 4xx `{ code, message }`, anything else a logged 500 (lib/http.ts).
 */
export function route<P = Record<string, never>>(handler: Handler<P>, options: { session?: boolean } = {}) {
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    try {
      const ctx = options.session === false ? anonymousCtx() : await getRequestCtx();
      return await handler({ request, ctx, params: (await context?.params) as P });
    } catch (e) {
      if (e instanceof ZodError) return errorResponse(new ValidationFailed(fieldErrorsFromZod(e.issues)));
      return errorResponse(e);
    }
  };
}
