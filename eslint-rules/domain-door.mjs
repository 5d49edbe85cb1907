import { forEachSource, relativeFile, resolveSource } from "./paths.mjs";

/**
 * A file in lib/<a>/ may use another domain lib/<b>/ only through its door, `@/lib/<b>` (index.ts).
 * Top-level files (lib/context.ts, lib/clock.ts, lib/errors.ts, lib/env.ts, lib/logger.ts, lib/http.ts,
 * lib/query-keys.ts) are not domains and are imported directly. The justified exceptions:
 */
export const DOOR_EXCEPTIONS = [
  // Client-safe zod schemas and constants: the same module a form imports, no server code behind it.
  { pattern: /^lib\/[^/]+\/schemas$/, why: "client-safe schemas" },
  // Money and gold arithmetic are leaf utilities (no database, no domain), not a domain.
  { pattern: /^lib\/money\//, why: "lib/money leaf utilities" },
  // The job queue is infrastructure: enqueue() and one definition module per job, by design.
  { pattern: /^lib\/jobs\//, why: "job queue and job definitions" },
  // Test infrastructure (database reset, factories).
  { pattern: /^lib\/testing\//, why: "test infrastructure" },
];

/** Files the rule does not apply to: tests and their helpers may reach inside to set up state. */
export const DOOR_EXEMPT_FILES = [/\.test\.tsx?$/, /(^|\/)test-helpers\.ts$/, /^lib\/testing\//];

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Another domain is imported only through its index (@/lib/<domain>)." },
    schema: [],
    messages: {
      deep: "Import '{{source}}' through its door '@/lib/{{domain}}' (lib/{{domain}}/index.ts); deep imports into another domain are not allowed.",
    },
  },
  create(context) {
    const file = relativeFile(context);
    const own = /^lib\/([^/]+)\//.exec(file);
    if (!own || DOOR_EXEMPT_FILES.some((p) => p.test(file))) return {};
    return forEachSource((source, node) => {
      const target = resolveSource(file, source.replace(/\.(ts|tsx|js|mjs)$/, ""));
      if (!target) return;
      const m = /^lib\/([^/]+)\/(.+)$/.exec(target);
      if (!m || m[1] === own[1] || m[2] === "index") return;
      if (DOOR_EXCEPTIONS.some((e) => e.pattern.test(target))) return;
      context.report({ node, messageId: "deep", data: { source, domain: m[1] } });
    });
  },
};

export default rule;
