import ts from "typescript";

/**
 * Whether an identifier refers to a declaration in scope (a use of that name), not a property or
 * member name that only shares the spelling: `now` in `Date.now()`, `obj.now`, `{ now: 1 }`,
 * `{ now() {} }`, `class { now = 1 }`, `A.now` in a type, `import { now as x }` / `export { x as now }`
 * (the name on the other module's side) are not uses of a top-level `now`.
 */
export function isReference(id) {
  const p = id.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) && p.propertyName === id) return false; // import { now as x }: `now` is the other module's
  if (ts.isExportSpecifier(p) && p.propertyName && p.name === id) return false; // export { x as now }: `now` is the outside name
  if (ts.isJsxAttribute(p) && p.name === id) return false;
  if ((ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) && p.label === id) return false;
  return true;
}

/** The names a node refers to (identifiers that are references, see isReference). */
export function referencedNames(node, { skip } = {}) {
  const out = new Set();
  const v = (n) => {
    if (skip?.(n)) return;
    if (ts.isIdentifier(n) && isReference(n)) out.add(n.text);
    ts.forEachChild(n, v);
  };
  v(node);
  return out;
}
