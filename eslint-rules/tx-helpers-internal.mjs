import { ctxTypesOf, forEachExportedFunction, takesCtx, takesTx } from "./ctx-functions.mjs";
import { relativeFile } from "./paths.mjs";

/**
 * Exported functions whose first parameter is a transaction or database handle (`tx`, `db`, `: Tx`,
 * `: DbOrTx`) and that take no ctx skip the guard: they live in `internal.ts` or under `internal/`.
 */
export const TX_EXEMPT_FILES = [
  /\.test\.tsx?$/,
  /(^|\/)test-helpers\.ts$/,
  /^lib\/testing\//,
  /(^|\/)internal(\/|\.ts$)/,
  // The job queue's own API, enqueue(tx, job, payload), is infrastructure every domain calls in its
  // transaction (docs/ARCHITECTURE.md "Jobs"); it is not a domain's helper.
  /^lib\/jobs\//,
];

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Transaction helpers without a ctx live in internal modules." },
    schema: [],
    messages: {
      move: "Exported '{{name}}' takes a transaction and no ctx; move it to the domain's internal.ts or internal/ folder.",
    },
  },
  create(context) {
    const file = relativeFile(context);
    if (TX_EXEMPT_FILES.some((p) => p.test(file))) return {};
    return forEachExportedFunction(context, (fn, name, node) => {
      if (takesTx(fn) && !takesCtx(fn, ctxTypesOf(context.sourceCode.ast))) context.report({ node, messageId: "move", data: { name } });
    });
  },
};

export default rule;
