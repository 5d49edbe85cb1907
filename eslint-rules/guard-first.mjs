import { ctxTypesOf, forEachExportedFunction, takesCtx } from "./ctx-functions.mjs";

/**
 * The guards from lib/context.ts. A guard takes the ctx as its first argument and throws unless the
 * actor may go on (allowAnonymous documents that anyone may: sign-in, registration, client events).
 */
export const CONTEXT_GUARDS = ["requireRole", "requireUser", "requireSystem", "requireSystemOrAdmin", "allowAnonymous"];

/**
 * Domain guards: each one itself begins with a guard from lib/context.ts (checked by this rule, since
 * they are exported ctx-taking functions in lib/), then adds a domain check. Keep this list short.
 *  - none today.
 */
export const DOMAIN_GUARDS = [];

function calledName(expr) {
  let e = expr;
  if (e?.type === "AwaitExpression") e = e.argument;
  if (e?.type !== "CallExpression") return null;
  return e.callee.type === "Identifier" ? e.callee.name : null;
}

/** The guard a statement calls, if it is `guard(…)`, `await guard(…)` or `const x = guard(…)`. */
function guardCall(stmt, guards) {
  if (!stmt) return null;
  if (stmt.type === "ExpressionStatement") {
    const name = calledName(stmt.expression);
    return name && guards.has(name) ? name : null;
  }
  if (stmt.type === "VariableDeclaration" && stmt.declarations.length === 1) {
    const name = calledName(stmt.declarations[0].init);
    return name && guards.has(name) ? name : null;
  }
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "An exported function that takes a ctx begins with a guard (fails closed)." },
    schema: [{ type: "object", properties: { extraGuards: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      missing: "Exported '{{name}}' takes a ctx but does not begin with a guard ({{guards}}). Put the guard on the first line.",
    },
  },
  create(context) {
    const guards = new Set([...CONTEXT_GUARDS, ...DOMAIN_GUARDS, ...(context.options[0]?.extraGuards ?? [])]);
    return forEachExportedFunction(context, (fn, name, node) => {
      if (!takesCtx(fn, ctxTypesOf(context.sourceCode.ast))) return;
      const first = fn.body.type === "BlockStatement" ? fn.body.body[0] : null;
      if (guardCall(first, guards)) return;
      context.report({ node, messageId: "missing", data: { name, guards: [...guards].join(", ") } });
    });
  },
};

export default rule;
