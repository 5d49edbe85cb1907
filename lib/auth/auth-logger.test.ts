import { afterEach, describe, expect, it, vi } from "vitest";
import { CredentialsSignin } from "@auth/core/errors";
import { authLogger } from "./auth-logger";

afterEach(() => {
  vi.restoreAllMocks();
});

function capture() {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(" ")));
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(" ")));
  return lines;
}

describe("Auth.js logger", () => {
  it("prints one line without a stack trace for a wrong password (CredentialsSignin)", () => {
    const saved = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    try {
      const lines = capture();
      const refused = new CredentialsSignin();
      refused.code = "invalid_credentials";
      authLogger.error(refused);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain("\n");
      expect(lines[0]).not.toMatch(/\bat \S+ \(/);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", message: "sign-in refused", code: "invalid_credentials" });
    } finally {
      process.env.LOG_LEVEL = saved;
    }
  });

  it("keeps other errors as errors, with the stack in one JSON line", () => {
    const lines = capture();
    authLogger.error(Object.assign(new Error("bad secret"), { type: "MissingSecret" }));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", message: "auth: MissingSecret", stack: expect.stringContaining("bad secret") });
  });
});
