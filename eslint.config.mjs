import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import lumbung from "./eslint-rules/index.mjs";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "db/migrations/**", "next-env.d.ts", "playwright-report/**", "test-results/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Which room may use which (docs/ARCHITECTURE in ../shared): the UI never touches the database.
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*"], message: "UI code goes through lib/ verbs and queries, never the database." }] },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*"], message: "Components never touch the database." },
            // Exception: lib/<domain>/rules — pure, client-safe business rules (e.g. lib/gold/rules.ts)
            // that the form and the server verb both apply, so the two cannot drift.
            { regex: "^@/lib/(?!money/|query-keys$|[^/]+/(?:schemas|rules)$)", message: "Components may use lib/<domain>/schemas, lib/<domain>/rules and lib/money only." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "The domain never imports the UI." }] }],
    },
  },
  // House rules as lint rules (eslint-rules/, docs/ARCHITECTURE.md "Rules the linter keeps"). Their
  // justified exceptions are written next to each rule: DOOR_EXCEPTIONS, DOOR_EXEMPT_FILES and
  // DOOR_CYCLE_PAIRS in eslint-rules/domain-door.mjs, TX_EXEMPT_FILES in eslint-rules/tx-helpers-internal.mjs,
  // DOMAIN_GUARDS in eslint-rules/guard-first.mjs, notYetConverted below.
  { plugins: { lumbung } },
  {
    files: ["lib/**/*.ts"],
    // Tests and their helpers call verbs as any actor; lib/context.ts defines the guards themselves.
    ignores: ["lib/**/*.test.ts", "lib/**/test-helpers.ts", "lib/testing/**", "lib/context.ts"],
    rules: {
      "lumbung/guard-first": "error",
      "lumbung/verb-signature": [
        "error",
        {
          notYetConverted: [
            // Not verbs, by design: a guard takes the ctx alone (lib/auth/sessions.ts requireRecentAuth), and the
            // audit writers take the decision's transaction and ctx (lib/audit/record.ts, docs/ARCHITECTURE "Audit log").
            "requireRecentAuth", "recordAdminDecision", "recordIfAdmin",
          ],
        },
      ],
      // Off until the transaction helpers live under <domain>/internal/ (step C: the internal/ moves
      // and splits by scripts/codemods turn it on).
      "lumbung/tx-helpers-internal": "error",
    },
  },
  { files: ["lib/**/*.ts"], rules: { "lumbung/domain-door": "error" } },
  { files: ["app/**", "components/**"], rules: { "lumbung/no-internal-import": "error" } },
];

export default config;
