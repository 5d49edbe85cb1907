import { describe, expect, it } from "vitest";
import ts from "typescript";
// @ts-expect-error plain ESM codemod helper without types
import { referencedNames } from "./references.mjs";

const namesIn = (code: string) => referencedNames(ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true)) as Set<string>;

describe("split-internal's use detection (scripts/codemods/references.mjs)", () => {
  it("does not count Date.now(), obj.now, { now: … }, members or renamed imports as uses of `now`", () => {
    const code = [
      "const a = Date.now();",
      "const b = clock.now;",
      "const c = { now: 1, now2() {} };",
      "class K { now = 1; now2() {} }",
      "type T = { now: number; };",
      "type U = Clock.now;",
      "const { now: renamed } = clock;",
      "export { renamed as now };",
    ].join("\n");
    expect(namesIn(code).has("now")).toBe(false);
    expect([...namesIn(code)]).toEqual(expect.arrayContaining(["Date", "clock", "Clock", "renamed"]));
  });

  it("counts calls, shorthand properties, arguments and type references as uses", () => {
    for (const code of ["const a = now();", "const o = { now };", "f(now);", "let t: now;", "export { now };", "const x = now.getTime();"]) {
      expect(namesIn(code).has("now"), code).toBe(true);
    }
  });
});
