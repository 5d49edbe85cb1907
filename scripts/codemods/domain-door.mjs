#!/usr/bin/env node
/**
 * Issue 12 codemod: rewrites deep imports into another domain (`@/lib/<b>/x`, `../b/x`) from files in
 * lib/<a>/ to the door `@/lib/<b>`, adding the imported names to lib/<b>/index.ts when it does not
 * export them yet. The exceptions are the lint rule's (eslint-rules/domain-door.mjs). Idempotent.
 *   node scripts/codemods/domain-door.mjs
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { DOOR_EXCEPTIONS, DOOR_EXEMPT_FILES, isCyclePair } from "../../eslint-rules/domain-door.mjs";

const root = process.cwd();
const walk = (d, out = []) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path.relative(root, p).split(path.sep).join("/"));
  }
  return out;
};
const stripExt = (m) => m.replace(/\.(ts|tsx|js|mjs)$/, "");
const resolve = (from, spec) =>
  spec.startsWith("@/") ? stripExt(spec.slice(2)) : spec.startsWith(".") ? stripExt(path.posix.normalize(path.posix.join(path.posix.dirname(from), spec))) : null;
const moduleFile = (m) => [".ts", ".tsx", "/index.ts"].map((x) => m + x).find((f) => fs.existsSync(f));

const program = ts.createProgram([...walk("lib")], { allowJs: false, noEmit: true, baseUrl: root, paths: { "@/*": ["./*"] }, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.Preserve });
const checker = program.getTypeChecker();
const exportsOf = (file) => {
  const sf = program.getSourceFile(path.join(root, file));
  const sym = sf && checker.getSymbolAtLocation(sf);
  return new Set(sym ? checker.getExportsOfModule(sym).map((s) => s.name) : []);
};
/** Whether `name` exported by module file is only a type. */
const isTypeExport = (file, name) => {
  const sf = program.getSourceFile(path.join(root, file));
  const sym = sf && checker.getSymbolAtLocation(sf);
  let s = sym && checker.getExportsOfModule(sym).find((x) => x.name === name);
  if (!s) return false;
  if (s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
  return !(s.flags & ts.SymbolFlags.Value);
};

const additions = new Map(); // index file → Map(module spec → { values:Set, types:Set })
let changed = 0;
for (const file of walk("lib")) {
  const own = /^lib\/([^/]+)\//.exec(file);
  if (!own || DOOR_EXEMPT_FILES.some((p) => p.test(file))) continue;
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    const decl = (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier);
    const dyn = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0]);
    if (decl || dyn) {
      const lit = decl ? node.moduleSpecifier : node.arguments[0];
      const target = resolve(file, lit.text);
      const m = target && /^lib\/([^/]+)\/(.+)$/.exec(target);
      if (m && m[1] !== own[1] && m[2] !== "index" && !DOOR_EXCEPTIONS.some((e) => e.pattern.test(target)) && !isCyclePair(own[1], m[1])) {
        const b = m[1];
        const index = `lib/${b}/index.ts`;
        const src = moduleFile(target);
        // Names taken from the module: import/export specifiers, or for import() the destructured ones.
        let names = [];
        if (decl) {
          const clause = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
          if (clause && (ts.isNamedImports(clause) || ts.isNamedExports(clause))) names = clause.elements.map((e) => (e.propertyName ?? e.name).text);
          else throw new Error(`${file}: namespace/default import of ${lit.text}; fix by hand`);
        } else {
          let p = node.parent;
          if (p && ts.isAwaitExpression(p)) p = p.parent;
          if (p && ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name)) names = p.name.elements.map((e) => (e.propertyName ?? e.name).getText(sf));
          else throw new Error(`${file}: import(${lit.text}) not destructured; fix by hand`);
        }
        const has = fs.existsSync(index) ? exportsOf(index) : new Set();
        const rel = "./" + path.posix.relative(`lib/${b}`, target);
        for (const n of names) {
          if (has.has(n)) continue;
          if (!additions.has(index)) additions.set(index, new Map());
          const per = additions.get(index);
          if (!per.has(rel)) per.set(rel, { values: new Set(), types: new Set() });
          per.get(rel)[isTypeExport(src, n) ? "types" : "values"].add(n);
        }
        edits.push([lit.getStart(sf) + 1, lit.getEnd() - 1, `@/lib/${b}`]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  let out = text;
  for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
  fs.writeFileSync(file, out);
  changed++;
}
for (const [index, per] of additions) {
  let text = fs.existsSync(index) ? fs.readFileSync(index, "utf8") : `import "server-only";\n/** The door of lib/${index.split("/")[1]}: what other domains and the UI may use. */\n`;
  const lines = [...per]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([rel, { values, types }]) => {
      const parts = [...[...values].sort(), ...[...types].sort().map((t) => `type ${t}`)];
      return parts.length ? [`export { ${parts.join(", ")} } from "${rel}";`] : [];
    });
  if (!text.endsWith("\n")) text += "\n";
  fs.writeFileSync(index, text + lines.join("\n") + "\n");
  console.log(`${index}: +${lines.length} export lines`);
}
console.log(`rewrote deep imports in ${changed} files`);
