import { forEachSource, relativeFile, resolveSource } from "./paths.mjs";

/** app/ and components/ never import a domain's internal modules (internal.ts, internal/…). */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "UI code never imports internal modules (transaction helpers without a ctx)." },
    schema: [],
    messages: {
      internal: "'{{source}}' is an internal module (transaction helpers without a guard); call a verb or query of the domain instead.",
    },
  },
  create(context) {
    const file = relativeFile(context);
    return forEachSource((source, node) => {
      const target = resolveSource(file, source) ?? source;
      if (/(^|\/)internal(\/|\.[cm]?[jt]sx?$|$)/.test(target)) context.report({ node, messageId: "internal", data: { source } });
    });
  },
};

export default rule;
