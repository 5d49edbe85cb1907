/** Shared helpers: which exported functions take a ctx or a transaction. */

/** The type name of a parameter's annotation (`ctx: Ctx` → "Ctx"), or null. */
function typeName(param) {
  const target = param.type === "AssignmentPattern" ? param.left : param;
  const ann = target.typeAnnotation?.typeAnnotation;
  if (ann?.type === "TSTypeReference" && ann.typeName.type === "Identifier") return ann.typeName.name;
  return null;
}

function typeLiteralHasCtx(param) {
  const target = param.type === "AssignmentPattern" ? param.left : param;
  const ann = target.typeAnnotation?.typeAnnotation;
  if (ann?.type !== "TSTypeLiteral") return false;
  return ann.members.some((m) => m.type === "TSPropertySignature" && m.key.type === "Identifier" && m.key.name === "ctx");
}

function patternKeys(param) {
  const target = param.type === "AssignmentPattern" ? param.left : param;
  if (target.type !== "ObjectPattern") return null;
  return target.properties.map((p) => (p.type === "Property" && p.key.type === "Identifier" ? p.key.name : p.type === "RestElement" ? "..." : "?"));
}

/**
 * True when one of the parameters is a ctx: `ctx`, `x: Ctx`, `{ ctx, … }`, `opts: { ctx?: Ctx }` or
 * `opts: Options` where `Options` is a type declared in the same file with a `ctx` member.
 */
export function takesCtx(fn, ctxTypes = new Set()) {
  return fn.params.some((param) => {
    const target = param.type === "AssignmentPattern" ? param.left : param;
    if (target.type === "Identifier" && (target.name === "ctx" || typeName(param) === "Ctx")) return true;
    if (patternKeys(param)?.includes("ctx")) return true;
    if (ctxTypes.has(typeName(param))) return true;
    return typeLiteralHasCtx(param);
  });
}

const hasCtxMember = (members) => members.some((m) => m.type === "TSPropertySignature" && m.key.type === "Identifier" && m.key.name === "ctx");

/** Names of the object types declared in a module that have a `ctx` member. */
export function ctxTypesOf(program) {
  const names = new Set();
  for (const stmt of program.body) {
    const d = stmt.type === "ExportNamedDeclaration" && stmt.declaration ? stmt.declaration : stmt;
    if (d.type === "TSTypeAliasDeclaration" && d.typeAnnotation.type === "TSTypeLiteral" && hasCtxMember(d.typeAnnotation.members)) names.add(d.id.name);
    if (d.type === "TSInterfaceDeclaration" && hasCtxMember(d.body.body)) names.add(d.id.name);
  }
  return names;
}

export { patternKeys };

const TX_NAMES = new Set(["tx", "db"]);
const TX_TYPES = new Set(["Tx", "DbOrTx", "Db"]);

/** True when the first parameter is a transaction or database handle (`tx`, `db`, `: Tx`, `: DbOrTx`). */
export function takesTx(fn) {
  const first = fn.params[0];
  if (!first) return false;
  const target = first.type === "AssignmentPattern" ? first.left : first;
  if (target.type === "Identifier" && TX_NAMES.has(target.name)) return true;
  const t = typeName(first);
  return t !== null && TX_TYPES.has(t);
}

/**
 * Calls `visit(fn, name, node)` for every exported function of a module: `export function f`,
 * `export const f = (…) => …` / `function (…) {…}`, and local functions exported by `export { f }`.
 */
export function forEachExportedFunction(context, visit) {
  const local = new Map();
  const exportedNames = [];
  const fnOf = (decl) => {
    const init = decl.init;
    if (init && (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")) return init;
    return null;
  };
  return {
    FunctionDeclaration(node) {
      if (node.id && node.parent.type === "Program") local.set(node.id.name, node);
    },
    VariableDeclarator(node) {
      const fn = fnOf(node);
      if (fn && node.id.type === "Identifier" && node.parent.parent.type === "Program") local.set(node.id.name, fn);
    },
    ExportNamedDeclaration(node) {
      const d = node.declaration;
      if (d?.type === "FunctionDeclaration" && d.id) visit(d, d.id.name, d);
      else if (d?.type === "VariableDeclaration") {
        for (const decl of d.declarations) {
          const fn = fnOf(decl);
          if (fn && decl.id.type === "Identifier") visit(fn, decl.id.name, decl);
        }
      } else if (!d && !node.source) {
        for (const s of node.specifiers) if (s.local.type === "Identifier") exportedNames.push(s.local.name);
      }
    },
    ExportDefaultDeclaration(node) {
      const d = node.declaration;
      if (d.type === "FunctionDeclaration" || d.type === "ArrowFunctionExpression" || d.type === "FunctionExpression") visit(d, "default", d);
    },
    "Program:exit"() {
      for (const name of exportedNames) {
        const fn = local.get(name);
        if (fn) visit(fn, name, fn);
      }
    },
  };
}
