#!/usr/bin/env node
/**
 * Issue 12 codemod: rewrites import/export-from/import() specifiers after modules moved.
 *   node scripts/codemods/rewrite-imports.mjs [moves.json]
 * moves.json: { files: { "lib/a/x": "lib/a/internal/x" }, names: { "lib/a/y": { "name": "lib/a/internal/y" } } }
 * Paths are repository-relative without extension. Files already moved are read at their new place;
 * relative specifiers inside them are resolved from their OLD place. Idempotent: run it again after a
 * merge to carry other branches' new imports along.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = process.cwd();
const movesFile = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), "moves.json");
const moves = JSON.parse(fs.readFileSync(movesFile, "utf8"));
const fileMoves = moves.files ?? {};
const nameMoves = moves.names ?? {};
const reverse = Object.fromEntries(Object.entries(fileMoves).map(([a, b]) => [b, a]));

const DIRS = ["app", "components", "lib", "db", "scripts", "bench", "e2e"];
const TOP = ["instrumentation.ts", "proxy.ts", "next.config.ts", "drizzle.config.ts", "playwright.config.ts", "vitest.config.ts"];

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path.relative(root, p));
  }
  return out;
}

const exists = (m) => ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].some((x) => fs.existsSync(path.join(root, m + x)));
const stripExt = (m) => m.replace(/\.(ts|tsx|js|mjs)$/, "");

/** Repository-relative module path for a specifier in a file whose (old) location is `from`. */
function resolve(from, spec) {
  if (spec.startsWith("@/")) return stripExt(spec.slice(2));
  if (spec.startsWith("./") || spec.startsWith("../")) return stripExt(path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)));
  return null;
}

/** A specifier for module `target` written from file `file` in the style of `original`. */
function specFor(file, target, original) {
  // Keeps an explicit extension (`./peer-address.mjs`): resolve() strips it to compare modules.
  const ext = original.match(/\.(ts|tsx|js|mjs)$/)?.[0] ?? "";
  if (original.startsWith("@/")) return "@/" + target + ext;
  let rel = path.posix.relative(path.posix.dirname(file), target);
  if (!rel.startsWith(".")) rel = "./" + rel;
  return rel + ext;
}

const files = [...DIRS.flatMap((d) => walk(path.join(root, d), [])), ...TOP.filter((f) => fs.existsSync(f))];
let changed = 0;
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const noExt = stripExt(file);
  const oldFile = (reverse[noExt] ?? noExt) + file.slice(noExt.length);
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits = [];
  // Relative specifiers resolve from the file's place now if they point at something there (already
  // rewritten), else from its old place (not rewritten yet).
  const from = (spec) => {
    if (oldFile === file || spec.startsWith("@/")) return oldFile;
    const here = resolve(file, spec);
    return exists(here) && !fileMoves[here] ? file : oldFile;
  };
  const target = (spec) => {
    const m = resolve(from(spec), spec);
    if (m === null) return null;
    return fileMoves[m] ?? m;
  };
  const visit = (node) => {
    const isDecl = ts.isImportDeclaration(node) || ts.isExportDeclaration(node);
    const isDyn = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0]);
    if (isDecl && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const lit = node.moduleSpecifier;
      const spec = lit.text;
      const mod = target(spec);
      if (mod !== null) {
        const named = nameMoves[mod];
        const clause = ts.isImportDeclaration(node) ? node.importClause : node;
        const elements = ts.isImportDeclaration(node)
          ? clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null
          : node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
        if (named && elements && !(ts.isImportDeclaration(node) && (clause?.name))) {
          // Split the specifiers by the module each name lives in now.
          const groups = new Map();
          for (const el of elements) {
            const name = (el.propertyName ?? el.name).text;
            const to = named[name] ?? mod;
            if (!groups.has(to)) groups.set(to, []);
            groups.get(to).push(el.getText(sf));
          }
          if (groups.size > 1 || !groups.has(mod) || specFor(file, mod, spec) !== spec) {
            const isType = ts.isImportDeclaration(node) ? clause.isTypeOnly : node.isTypeOnly;
            const kw = ts.isImportDeclaration(node) ? "import" : "export";
            const stmts = [...groups].map(([to, els]) => `${kw} ${isType ? "type " : ""}{ ${els.join(", ")} } from "${specFor(file, to, spec)}";`);
            edits.push([node.getStart(sf), node.getEnd(), stmts.join("\n")]);
            return;
          }
        }
        const next = specFor(file, mod, spec);
        if (next !== spec && true) edits.push([lit.getStart(sf) + 1, lit.getEnd() - 1, next]);
      }
    } else if (isDyn) {
      const lit = node.arguments[0];
      const mod = target(lit.text);
      if (mod !== null) {
        const next = specFor(file, mod, lit.text);
        if (next !== lit.text && true) edits.push([lit.getStart(sf) + 1, lit.getEnd() - 1, next]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (edits.length === 0) continue;
  let out = text;
  for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
  fs.writeFileSync(file, out);
  changed++;
}
const missing = Object.values(fileMoves).filter((m) => !exists(m));
if (missing.length) console.error("not found (not moved yet?):", missing.join(", "));
console.log(`rewrote imports in ${changed} files`);
