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
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.data)/" },
    // Type-only imports are part of the graph (they are cycles for readers and the compiler too).
    tsPreCompilationDeps: true,
    // Resolves the `@/` alias through tsconfig.json's paths.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
