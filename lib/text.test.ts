import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput, ValidationFailed } from "@/lib/errors";
import { findUnsafeText, isUnsafeText, safeText } from "./text";

const NUL = "\u0000";
const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

describe("unsafe text (NUL, lone surrogates)", () => {
  it("flags NUL and lone surrogates, keeps real text including emoji pairs", () => {
    expect(isUnsafeText(`CV${NUL}Maju`)).toBe(true);
    expect(isUnsafeText(`a${LONE_HIGH}b`)).toBe(true);
    expect(isUnsafeText(`a${LONE_LOW}`)).toBe(true);
    expect(isUnsafeText(`${LONE_LOW}${LONE_HIGH}`)).toBe(true);
    expect(isUnsafeText("Warung Kopi ☕ 😀 (emoji is a surrogate pair)")).toBe(false);
    expect(isUnsafeText("tab\tand\nnewline")).toBe(false);
    expect(isUnsafeText("")).toBe(false);
  });

  it("finds the path of the first unsafe string in nested input, keys included, uploads ignored", () => {
    expect(findUnsafeText({ a: "ok", b: { c: ["x", `y${NUL}`] } })).toBe("b.c.1");
    expect(findUnsafeText({ [`k${NUL}`]: "v" })).toBe("_form");
    expect(findUnsafeText(`x${LONE_HIGH}`)).toBe("_form");
    expect(findUnsafeText({ file: new Uint8Array([0, 0xd8]), n: 1n, d: new Date(0), ok: "fine" })).toBeNull();
    expect(findUnsafeText(null)).toBeNull();
  });

  it("safeText() is a zod string refusing them with the textInvalid key", () => {
    const schema = z.object({ name: safeText().max(10) });
    expect(schema.safeParse({ name: "Sari" }).success).toBe(true);
    const bad = schema.safeParse({ name: `Sa${NUL}ri` });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["name"], message: "textInvalid" });
  });

  it("parseInput refuses them for every schema with a field error, before the schema runs", () => {
    const schema = z.object({ purpose: z.string().max(200) });
    const e = (() => {
      try {
        parseInput(schema, { purpose: `stock${LONE_HIGH}` });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ValidationFailed);
    expect(e).toMatchObject({ status: 400, code: "text_invalid", fields: { purpose: "textInvalid" } });
  });
});
