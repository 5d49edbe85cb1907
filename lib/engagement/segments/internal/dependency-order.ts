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

  // Kahn's algorithm over the selected nodes; ties (and cycle members) in id order, for determinism.
  const ids = [...selected].sort();
  const pending = new Map<string, number>();
  for (const id of ids) {
    const inner = byId.get(id)!.dependsOn.filter((d) => d !== id && selected.has(d));
    pending.set(id, new Set(inner).size);
  }
  const out: SegmentNode[] = [];
  const done = new Set<string>();
  while (done.size < ids.length) {
    let ready = ids.filter((id) => !done.has(id) && pending.get(id) === 0);
    if (ready.length === 0) ready = [ids.find((id) => !done.has(id))!]; // a cycle: break it
    for (const id of ready) {
      done.add(id);
      out.push(byId.get(id)!);
      for (const dep of dependents.get(id) ?? []) {
        if (selected.has(dep) && !done.has(dep)) pending.set(dep, Math.max(0, (pending.get(dep) ?? 0) - 1));
      }
    }
  }
  return out;
}
