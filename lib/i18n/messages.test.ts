import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj && typeof obj === "object" && !Array.isArray(obj)) {
    return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]!).sort();
}

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

describe("messages", () => {
  it("English and Bahasa Indonesia have exactly the same keys", () => {
    const enKeys = keys(en).sort();
    const idKeys = keys(id).sort();
    expect(idKeys.filter((k) => !enKeys.includes(k)), "only in id.json").toEqual([]);
    expect(enKeys.filter((k) => !idKeys.includes(k)), "only in en.json").toEqual([]);
  });

  it("every translation uses the same placeholders and none is empty", () => {
    for (const key of keys(en)) {
      const e = get(en, key) as string;
      const i = get(id, key) as string;
      expect(e.trim(), key).not.toBe("");
      expect(i.trim(), key).not.toBe("");
      expect(placeholders(i), key).toEqual(placeholders(e));
    }
  });
});
