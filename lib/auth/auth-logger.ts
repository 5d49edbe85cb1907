import { logger } from "@/lib/logger";

/**
 * Auth.js's logger, writing through lib/logger (one JSON line each). Its default prints a refused
 * sign-in — every wrong password — as `[auth][error] CredentialsSignin` plus a stack trace on
 * stderr; a refused sign-in is an expected outcome, so it becomes one info line with the refusal's
 * code (invalid_credentials, rate_limited, second_factor_required, …). Real errors stay errors, with
 * their stack as a field.
 */
type AuthLikeError = Error & { type?: string; code?: string; cause?: unknown };

export const authLogger = {
  error(error: AuthLikeError) {
    const name = error.type ?? error.name;
    if (name === "CredentialsSignin") {
      logger.info("sign-in refused", { code: error.code ?? "credentials" });
      return;
    }
    const cause = error.cause && typeof error.cause === "object" && "err" in error.cause && error.cause.err instanceof Error ? error.cause.err : undefined;
    logger.error(`auth: ${name}`, { detail: error.message, stack: (cause ?? error).stack });
  },
  warn(code: string) {
    logger.warn("auth warning", { code });
  },
  debug(message: string, metadata?: unknown) {
    logger.debug(`auth: ${message}`, { metadata });
  },
};
