import { ctxTypesOf, forEachExportedFunction, patternKeys, takesCtx } from "./ctx-functions.mjs";

/** The keys a verb's or query's one argument may have: `verb({ ctx, input })`, `query({ ctx })`. */
const ALLOWED = new Set(["ctx", "input"]);

const rule = {
  meta: {
    type: "suggestion",
    docs: { description: "Exported ctx-taking functions have one signature: verb({ ctx, input })." },
    schema: [{ type: "object", properties: { notYetConverted: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      shape: "Exported '{{name}}' takes a ctx; its signature must be ({ ctx, input }) — input parsed by the domain's zod schema inside.",
    },
  },
  create(context) {
    const legacy = new Set(context.options[0]?.notYetConverted ?? []);
    return forEachExportedFunction(context, (fn, name, node) => {
      if (legacy.has(name)) return;
      if (!takesCtx(fn, ctxTypesOf(context.sourceCode.ast))) return;
      const keys = fn.params.length === 1 ? patternKeys(fn.params[0]) : null;
      if (keys && keys.includes("ctx") && keys.every((k) => ALLOWED.has(k))) return;
      context.report({ node, messageId: "shape", data: { name } });
    });
  },
};

export default rule;
