import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { PROFILE_FIELDS, RULE_ERROR_KEYS } from "@/lib/engagement/rules";
import { OPS_BY_KIND, FILTER_OPS_BY_KIND } from "./rule-model";

/** Every key the rule builder may look up has a text in both languages. */
describe("segments messages", () => {
  const SAVE_KEYS = ["segmentUnknown", "segmentArchived", "segmentCycle", "nameRequired", "nameTooLong", "descriptionTooLong", "keyTaken"];
  for (const [lang, messages] of [["en", en], ["id", id]] as const) {
    const m = messages.segments as unknown as { errors: Record<string, string>; fields: Record<string, string>; ops: Record<string, string>; values: Record<string, Record<string, string>> };
    it(`${lang}: every validation key, field, operator and enum value`, () => {
      for (const k of [...RULE_ERROR_KEYS, ...SAVE_KEYS]) expect(m.errors[k], k).toBeTruthy();
      for (const f of PROFILE_FIELDS) {
        expect(m.fields[f.key], f.key).toBeTruthy();
        for (const v of ("values" in f ? f.values : []) as readonly string[]) expect(m.values[f.key]?.[v], `${f.key}.${v}`).toBeTruthy();
      }
      for (const op of [...Object.values(OPS_BY_KIND).flat(), ...Object.values(FILTER_OPS_BY_KIND).flat(), "at_least", "at_most", "exactly"]) expect(m.ops[op], op).toBeTruthy();
    });
  }
});
