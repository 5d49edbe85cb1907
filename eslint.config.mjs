import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
];

export default config;
