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
  // lib/auth/index.ts is the Auth.js instance (next-auth: handlers, auth, signIn), not a door: code
  // that only needs a guard or a constant of lib/auth imports that module.
  { pattern: /^lib\/auth\//, why: "lib/auth/index.ts is the Auth.js instance" },
  // Test infrastructure (database reset, factories).
  { pattern: /^lib\/testing\//, why: "test infrastructure" },
];

/**
 * Pairs of domains that use each other at run time. A barrel joins a domain's files into one node of
 * the import graph, so a door import in either direction between them would close an import cycle
 * through the two index.ts files (`npm run lint:cycles` must stay green). Between these two, files
 * import each other's modules directly; every other domain still uses their door. Found by running
 * scripts/codemods/domain-door.mjs and then `npm run lint:cycles`; shrink it by moving what both need
 * into one of them or a third module. The three left all run through the ring wallet → payments →
 * autopurchase → kyc → wallet (through the doors). system ↔ loans/gold/autopurchase (time-jump hooks,
 * boot defaults, settings) and lending ↔ loans were dropped: their doors never reach the files that
 * import the other side (lib/system/time-machine.ts, boot.ts), so door imports close no cycle.
 */
export const DOOR_CYCLE_PAIRS = [
  // The matcher invests in loans; listing a loan and cash arriving trigger the matcher.
  ["autopurchase", "loans"],
  // Loans take payment links and top-up views from payments; a paid payment link repays the loan.
  ["loans", "payments"],
  // A paid top-up triggers auto-purchase (onCashArrived). One-way, but through the doors it closes the
  // ring payments → autopurchase → kyc → wallet → payments.
  ["payments", "autopurchase"],
];

/** True when files of domain `a` may import domain `b`'s modules directly (a DOOR_CYCLE_PAIRS pair). */
export function isCyclePair(a, b) {
  return DOOR_CYCLE_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Files the rule does not apply to: tests and their helpers may reach inside to set up state. */
export const DOOR_EXEMPT_FILES = [
  /\.test\.tsx?$/,
  /(^|\/)test-helpers\.ts$/,
  /^lib\/testing\//,
  // Client-safe modules (forms import them): they take the pure modules they need directly (e.g.
  // lib/autopurchase/schemas.ts → lib/loans/grades), since a door that re-exports server code cannot be
  // part of a browser bundle.
  /^lib\/[^/]+\/(schemas|rules)\.ts$/,
];

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
      if (DOOR_EXCEPTIONS.some((e) => e.pattern.test(target)) || isCyclePair(own[1], m[1])) return;
      context.report({ node, messageId: "deep", data: { source, domain: m[1] } });
    });
  },
};

export default rule;
