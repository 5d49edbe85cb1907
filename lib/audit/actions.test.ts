import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, auditActionKey } from "./actions";

describe("audit actions and subjects", () => {
  it("every action and subject type has a label in both languages", () => {
    for (const messages of [en, id]) {
      const m = messages.adminAudit as { actions: Record<string, string>; subjects: Record<string, string> };
      for (const a of AUDIT_ACTIONS) expect(m.actions[auditActionKey(a)], a).toBeTruthy();
      for (const s of AUDIT_SUBJECT_TYPES) expect(m.subjects[s], s).toBeTruthy();
      expect(Object.keys(m.actions)).toHaveLength(AUDIT_ACTIONS.length);
    }
  });

  it("action keys do not collide once the dots are gone", () => {
    expect(new Set(AUDIT_ACTIONS.map(auditActionKey)).size).toBe(AUDIT_ACTIONS.length);
  });
});
