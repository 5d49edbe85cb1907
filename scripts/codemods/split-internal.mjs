#!/usr/bin/env node
/**
 * Issue 12 codemod: moves the named top-level functions of a module (with the private declarations
 * only they use, and the declarations they need) into the domain's internal module, leaves the rest,
 * and records the moves in moves.json "names" for rewrite-imports.mjs.
 *   node scripts/codemods/split-internal.mjs lib/gold/prices.ts publishGoldPrice getLatestPrice …
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { referencedNames } from "./references.mjs";

const [file, ...names] = process.argv.slice(2);
const movesFile = path.join(path.dirname(new URL(import.meta.url).pathname), "moves.json");
const text = fs.readFileSync(file, "utf8");
const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
const base = path.basename(file, ".ts");
const dest = base === "index" ? path.join(path.dirname(file), "internal.ts") : path.join(path.dirname(file), "internal", base + ".ts");
if (fs.existsSync(dest)) throw new Error(`${dest} exists`);

const declared = (st) => {
  if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isEnumDeclaration(st)) return st.name ? [st.name.text] : [];
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
};
const isExported = (st) => !!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
/** What a statement uses: references only, so `Date.now()` is no use of a helper named `now` (references.mjs). */
const idents = (node) => referencedNames(node);

const stmts = sf.statements.filter((s) => !ts.isImportDeclaration(s));
const imports = sf.statements.filter((s) => ts.isImportDeclaration(s));
const info = stmts.map((s) => ({ s, names: declared(s), uses: idents(s), exported: isExported(s) }));
const move = new Set(info.filter((i) => i.names.some((n) => names.includes(n))));
for (let grew = true; grew; ) {
  grew = false;
  for (const i of info) {
    if (move.has(i) || i.names.length === 0) continue;
    const usedByMoved = [...move].some((m) => i.names.some((n) => m.uses.has(n) && !m.names.includes(n)));
    if (usedByMoved) {
      move.add(i);
      grew = true;
    }
  }
}
const stay = info.filter((i) => !move.has(i));
const movedNames = [...move].flatMap((i) => i.names);
const neededBack = movedNames.filter((n) => stay.some((i) => i.uses.has(n)));

const full = (st) => text.slice(st.getFullStart(), st.getEnd());
const withExport = (i) => {
  const t = full(i.s);
  if (i.exported || !i.names.some((n) => neededBack.includes(n))) return t;
  const start = i.s.getStart(sf) - i.s.getFullStart();
  return t.slice(0, start) + "export " + t.slice(start);
};
const rel = (from, to) => {
  let r = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, "");
  return r.startsWith(".") ? r : "./" + r;
};
/** Rewrites relative import specifiers of `file` for a module placed at `destFile`. */
const importsFor = (destFile) =>
  imports
    .map((imp) => {
      const spec = imp.moduleSpecifier.text;
      let t = text.slice(imp.getStart(sf), imp.getEnd());
      if (spec.startsWith(".")) t = t.replace(JSON.stringify(spec), JSON.stringify(rel(destFile, path.posix.join(path.posix.dirname(file), spec))));
      return t;
    })
    .join("\n");

/** Drops import specifiers whose local name the module does not use. */
function pruneImports(code, name) {
  const f = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true);
  const used = referencedNames(f, { skip: (n) => ts.isImportDeclaration(n) });
  const edits = [];
  for (const imp of f.statements.filter(ts.isImportDeclaration)) {
    const c = imp.importClause;
    if (!c) continue;
    const keepDefault = c.name && used.has(c.name.text);
    const nb = c.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) {
      if (!used.has(nb.name.text)) edits.push([imp.getFullStart(), imp.getEnd(), ""]);
      continue;
    }
    const els = nb ? nb.elements : [];
    const keep = els.filter((e) => used.has(e.name.text));
    if (!keepDefault && keep.length === 0) edits.push([imp.getFullStart(), imp.getEnd(), ""]);
    else if (keep.length !== els.length) {
      const parts = [keepDefault ? c.name.text : null, keep.length ? `{ ${keep.map((e) => e.getText(f)).join(", ")} }` : null].filter(Boolean);
      edits.push([imp.getStart(f), imp.getEnd(), `import ${c.isTypeOnly ? "type " : ""}${parts.join(", ")} from ${imp.moduleSpecifier.getText(f)};`]);
    }
  }
  let out = code;
  for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
  return out;
}

const head = imports.length ? text.slice(0, imports[0].getStart(sf)) : "";
const lastImportEnd = imports.length ? imports[imports.length - 1].getEnd() : 0;
const destSrc = pruneImports(`${importsFor(dest)}${[...move].sort((a, b) => a.s.pos - b.s.pos).map(withExport).join("")}\n`, dest);
const typeNames = new Set([...move].filter((i) => ts.isTypeAliasDeclaration(i.s) || ts.isInterfaceDeclaration(i.s)).flatMap((i) => i.names));
const back = neededBack.length ? `\nimport { ${neededBack.map((n) => (typeNames.has(n) ? `type ${n}` : n)).join(", ")} } from "${rel(file, dest)}";` : "";
// The source keeps its head (e.g. "server-only"), its imports, a new import of what it still uses, and the rest.
const stayText = stay.map((i) => full(i.s)).join("") + text.slice(sf.statements.at(-1)?.getEnd() ?? text.length);
const srcOut = pruneImports(head + text.slice(imports[0]?.getStart(sf) ?? 0, lastImportEnd) + back + stayText, file);
const serverOnly = /^import "server-only";/m.test(text) ? 'import "server-only";\n' : "";
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.writeFileSync(dest, serverOnly + destSrc.replace(/^import "server-only";\n/m, "").replace(/^\n+/, ""));
fs.writeFileSync(file, srcOut);

const moves = JSON.parse(fs.readFileSync(movesFile, "utf8"));
const from = file.replace(/\.ts$/, "");
moves.names[from] = { ...(moves.names[from] ?? {}), ...Object.fromEntries(movedNames.filter((n) => move.size && [...move].some((i) => i.names.includes(n))).map((n) => [n, dest.replace(/\.ts$/, "")])) };
fs.writeFileSync(movesFile, JSON.stringify(moves, null, 2) + "\n");
console.log(`${file} → ${dest}: ${movedNames.join(", ")}${neededBack.length ? ` (imported back: ${neededBack.join(", ")})` : ""}`);
