import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dependencyLevels, orderByDependency, type SegmentNode } from "./dependency-order";

const ids = ["a", "b", "c", "d", "e", "f", "g"];

/** Random graphs (cycles and dangling references included). */
const graph = fc
  .uniqueArray(fc.constantFrom(...ids), { minLength: 1 })
  .chain((nodes) =>
    fc.tuple(
      fc.constant(nodes),
      fc.array(fc.array(fc.constantFrom(...ids, "zz"), { maxLength: 3 }), { minLength: nodes.length, maxLength: nodes.length }),
      fc.option(fc.subarray(nodes), { nil: undefined }),
    ),
  )
  .map(([nodes, deps, requested]) => ({ all: nodes.map((id, i): SegmentNode => ({ id, dependsOn: deps[i]! })), requested }));

/** Transitive dependents of the requested nodes, plus themselves. */
function closure(all: SegmentNode[], requested?: string[]): Set<string> {
  const out = new Set(requested ?? all.map((s) => s.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of all) if (!out.has(s.id) && s.dependsOn.some((d) => out.has(d))) {
        out.add(s.id);
        grew = true;
      }
  }
  return out;
}

/** Is there a path from `from` to `to` along dependsOn edges? */
function reaches(all: SegmentNode[], from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    for (const d of all.find((s) => s.id === id)?.dependsOn ?? []) {
      if (d === to) return true;
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return false;
}

describe("orderByDependency", () => {
  it("puts a segment after what it depends on and adds dependents", () => {
    const all = [
      { id: "outer", dependsOn: ["inner"] },
      { id: "inner", dependsOn: [] },
      { id: "other", dependsOn: [] },
      { id: "outermost", dependsOn: ["outer", "other"] },
    ];
    expect(orderByDependency(all, ["inner"]).map((s) => s.id)).toEqual(["inner", "outer", "outermost"]);
    expect(orderByDependency(all).map((s) => s.id)).toEqual(["inner", "other", "outer", "outermost"]);
    expect(orderByDependency(all, [])).toEqual([]);
  });

  it("ends on a cycle, each segment once", () => {
    const all = [
      { id: "a", dependsOn: ["b"] },
      { id: "b", dependsOn: ["a"] },
    ];
    expect(orderByDependency(all).map((s) => s.id).sort()).toEqual(["a", "b"]);
  });

  it("property: exactly the closure, once each, dependencies first unless they lie on a cycle", () => {
    fc.assert(
      fc.property(graph, ({ all, requested }) => {
        const out = orderByDependency(all, requested).map((s) => s.id);
        expect(new Set(out).size).toBe(out.length);
        expect(new Set(out)).toEqual(closure(all, requested));
        out.forEach((id, i) => {
          for (const d of all.find((s) => s.id === id)!.dependsOn) {
            const j = out.indexOf(d);
            if (j > i && !reaches(all, d, id)) throw new Error(`${id} before its dependency ${d}`);
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("dependencyLevels", () => {
  it("groups segments none of which depends on another of its level", () => {
    const all = [
      { id: "a", dependsOn: [] },
      { id: "b", dependsOn: ["a"] },
      { id: "c", dependsOn: [] },
      { id: "d", dependsOn: ["b", "c"] },
    ];
    expect(dependencyLevels(orderByDependency(all)).map((l) => l.map((s) => s.id))).toEqual([["a", "c"], ["b"], ["d"]]);
  });

  it("property: every dependency that is not on a cycle sits in an earlier level", () => {
    fc.assert(
      fc.property(graph, ({ all, requested }) => {
        const levels = dependencyLevels(orderByDependency(all, requested));
        const levelOf = new Map(levels.flatMap((l, i) => l.map((s) => [s.id, i] as const)));
        for (const [id, i] of levelOf) {
          for (const d of all.find((s) => s.id === id)!.dependsOn) {
            const j = levelOf.get(d);
            if (j !== undefined && j >= i && !reaches(all, d, id)) throw new Error(`${id} not after ${d}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
