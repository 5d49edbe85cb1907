/**
 * The import-cycle check (`npm run lint:cycles`, part of `npm run lint` and CI): no module may reach
 * itself through its imports. Every kind of import counts — static, `import type` and `await import()`
 * — so a cycle cannot be hidden behind a dynamic import or a type-only edge.
 * tests/import-cycles.test.ts proves the check finds each kind.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "An import cycle. Break it by moving what both sides need into a third module (see docs/ARCHITECTURE.md, Jobs: definitions apart from handlers).",
      from: {},
      to: { circular: true },
    },
    // The job split (docs/ARCHITECTURE.md, Jobs). Tests may import any of these.
    {
      name: "job-definition-imports-only-zod-and-types",
      severity: "error",
      comment: "A job definition holds no code: zod and lib/jobs/types.ts only. Its handler goes in <job>.handler.ts.",
      from: { path: "^lib/jobs/definitions/.+(?<!\\.handler)\\.ts$" },
      to: { pathNot: "^(lib/jobs/types\\.ts$|node_modules/zod/)" },
    },
    {
      name: "job-handler-only-from-registry",
      severity: "error",
      comment: "A job handler is imported by the worker's registry (lib/jobs/handlers.ts) only; enqueue with the definition.",
      from: { pathNot: "^lib/jobs/handlers\\.ts$|\\.test\\.tsx?$" },
      to: { path: "\\.handler\\.ts$" },
    },
    {
      name: "job-handlers-only-from-runner",
      severity: "error",
      comment: "lib/jobs/handlers.ts imports every domain: only the job runner (lib/jobs/worker.ts) may import it.",
      from: { pathNot: "^lib/jobs/worker\\.ts$|\\.test\\.tsx?$" },
      to: { path: "^lib/jobs/handlers\\.ts$" },
    },
    {
      name: "job-runner-only-from-start-up",
      severity: "error",
      comment: "The job runner (lib/jobs/worker.ts) is started by process start-up only; domains enqueue through lib/jobs/boss.ts.",
      from: { pathNot: "^(lib/system/boot\\.ts|scripts/worker\\.ts)$|\\.test\\.tsx?$" },
      to: { path: "^lib/jobs/worker\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|\\.data)/" },
    // Type-only imports are part of the graph (they are cycles for readers and the compiler too).
    tsPreCompilationDeps: true,
    // Resolves the `@/` alias through tsconfig.json's paths.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
