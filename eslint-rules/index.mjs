/**
 * Lumbung's house rules as lint rules (docs/ARCHITECTURE.md "Rules the linter keeps").
 * Flat-config plugin, registered in eslint.config.mjs as `lumbung`.
 */
import guardFirst from "./guard-first.mjs";
import verbSignature from "./verb-signature.mjs";
import domainDoor from "./domain-door.mjs";
import noInternalImport from "./no-internal-import.mjs";
import txHelpersInternal from "./tx-helpers-internal.mjs";

const plugin = {
  meta: { name: "eslint-plugin-lumbung" },
  rules: {
    "guard-first": guardFirst,
    "verb-signature": verbSignature,
    "domain-door": domainDoor,
    "no-internal-import": noInternalImport,
    "tx-helpers-internal": txHelpersInternal,
  },
};

export default plugin;
