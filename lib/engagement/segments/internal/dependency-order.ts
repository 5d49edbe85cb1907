/**
 * Which segments a refresh evaluates, and in which order (pure). Starting from the segments asked for
 * (all when `requested` is absent), every segment that depends on one of them — directly or through
 * others — is added, since its membership may follow; the list is then ordered so each segment comes
 * after the segments it depends on (a nested segment sees its inner segment's fresh membership in the
 * same refresh). Each segment appears once. Saving refuses cycles; should one exist anyway, its members
 * are put in id order and still appear once, so a refresh always ends.
 */
export type SegmentNode = { id: string; dependsOn: string[] };

export function orderByDependency(all: readonly SegmentNode[], requested?: readonly string[]): SegmentNode[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  const dependents = new Map<string, string[]>();
  for (const s of all) {
    for (const d of new Set(s.dependsOn)) {
      if (d === s.id) continue;
      if (!byId.has(d)) continue;
      const list = dependents.get(d) ?? [];
      list.push(s.id);
      dependents.set(d, list);
    }
  }

  const selected = new Set<string>();
  const queue = (requested ?? all.map((s) => s.id)).filter((id) => byId.has(id));
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (selected.has(id)) continue;
    selected.add(id);
    for (const dep of dependents.get(id) ?? []) if (!selected.has(dep)) queue.push(dep);
  }

  // Strongly connected components (Tarjan) of the selected nodes: Tarjan emits a component only after
  // every component it depends on, which is the order wanted. A component of several nodes is a cycle
  // (refused when saving); its members go in id order. Recursion depth is bounded by the segment count.
  const ids = [...selected].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: SegmentNode[] = [];
  let counter = 0;
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const d of [...new Set(byId.get(id)!.dependsOn)].sort()) {
      if (!selected.has(d)) continue;
      if (!index.has(d)) {
        visit(d);
        low.set(id, Math.min(low.get(id)!, low.get(d)!));
      } else if (onStack.has(d)) {
        low.set(id, Math.min(low.get(id)!, index.get(d)!));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let top: string;
      do {
        top = stack.pop()!;
        onStack.delete(top);
        component.push(top);
      } while (top !== id);
      for (const c of component.sort()) out.push(byId.get(c)!);
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return out;
}

/**
 * The ordered segments in levels: a segment's level is one more than the highest level of the
 * segments before it that it depends on (0 when none). Segments of one level depend on none of each
 * other, so one statement can refresh them together; each level sees the levels before it.
 */
export function dependencyLevels<T extends SegmentNode>(ordered: readonly T[]): T[][] {
  const level = new Map<string, number>();
  const levels: T[][] = [];
  for (const s of ordered) {
    let l = 0;
    for (const d of s.dependsOn) {
      const dl = level.get(d);
      if (dl !== undefined) l = Math.max(l, dl + 1);
    }
    level.set(s.id, l);
    (levels[l] ??= []).push(s);
  }
  return levels.filter((g) => g && g.length > 0);
}
