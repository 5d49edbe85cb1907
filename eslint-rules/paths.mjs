import path from "node:path";

/** The repository-relative, forward-slashed path of the file being linted. */
export function relativeFile(context) {
  const cwd = context.cwd ?? process.cwd();
  return path.relative(cwd, context.filename ?? context.getFilename()).split(path.sep).join("/");
}

/** An import source as a repository-relative path ("lib/loans/store"), or null for packages. */
export function resolveSource(file, source) {
  if (source.startsWith("@/")) return source.slice(2);
  if (source.startsWith("./") || source.startsWith("../")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), source));
  return null;
}

/** Visits every module source: import, export … from, import(). */
export function forEachSource(check) {
  const literal = (node) => (node.source?.type === "Literal" && typeof node.source.value === "string" ? node.source : null);
  const visit = (node) => {
    const s = literal(node);
    if (s) check(s.value, s, node);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}
