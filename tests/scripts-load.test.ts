import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

describe("scripts outside Next.js", () => {
  it("the worker's, the seed's and the bench's modules load under tsx --conditions=react-server", () => {
    let output: string;
    try {
      output = execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "tests/fixtures/load-scripts.ts"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 120_000,
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ""}${err.stderr ?? ""}`;
    }
    expect(output.trim().split("\n").at(-1)).toBe("loaded");
  }, 150_000);
});
