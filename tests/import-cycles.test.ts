import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm run lint:cycles` (.dependency-cruiser.cjs) from the test suite, and proof that it catches cycles.
const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "node_modules", ".bin", "depcruise");

function run(command: string, args: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync(command, args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("import graph", () => {
  it("has no cycle in lib/, db/, app/, components/, scripts/ (static, type-only or dynamic imports), and keeps job handlers out of the domains", () => {
    const result = run("npm", ["run", "--silent", "lint:cycles"]);
    expect(result.output).toContain("no dependency violations found");
    expect(result.ok).toBe(true);
  });

  it("the check finds a cycle through the @/ alias, one of type imports only, and one behind await import()", () => {
    const result = run(bin, ["tests/import-cycle-fixture", "--config", ".dependency-cruiser.cjs", "--output-type", "err"]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/no-circular: tests\/import-cycle-fixture\/alias-a\.ts/);
    expect(result.output).toMatch(/no-circular: tests\/import-cycle-fixture\/type-a\.ts/);
    expect(result.output).toMatch(/no-circular: tests\/import-cycle-fixture\/dynamic-a\.ts/);
    expect(result.output).toContain("3 dependency violations");
  });
});
