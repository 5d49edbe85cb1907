import { describe, expect, it } from "vitest";
import { anonymousCtx } from "@/lib/context";
import { ValidationFailed } from "@/lib/errors";
import { DEMO_ACCOUNTS, DEMO_KYC_WAITING_ACCOUNT, DEMO_PASSWORD } from "@/lib/system/demo-accounts";
import { commonPasswordCount, weakPasswordReason } from "./password-policy";
import { registerUser } from "./register";
import { verifyCredentials } from "./sign-in";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

const dewi = { email: "dewi.anggraini@example.com", name: "Dewi Anggraini" };

describe("weakPasswordReason", () => {
  it("ships about 100 000 breached passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThan(95_000);
  });

  it.each(["1111111111", "password123", "qwertyuiop", "iloveyou12", "PASSWORD123", "Qwertyuiop"])("refuses %j as common", (pw) => {
    expect(weakPasswordReason(pw, dewi)).toBe("common");
  });

  it.each(["dewi.anggraini@example.com", "DEWI.ANGGRAINI@example.com!", "my-dewi.anggraini-2026"])("refuses %j as containing the email", (pw) => {
    expect(weakPasswordReason(pw, dewi)).toBe("containsEmail");
  });

  it("refuses the email's local part only when it is 3+ characters", () => {
    expect(weakPasswordReason("xy-strong-words-77", { email: "xy@example.com" })).toBeNull();
    expect(weakPasswordReason("kopi-rina-kopi-9", { email: "rina@example.com" })).toBe("containsEmail");
  });

  it.each(["DewiAnggraini1", "dewi anggraini 99", "anggraini-2026!", "xx-dewi-lumbung-xx"])("refuses %j as containing the name", (pw) => {
    expect(weakPasswordReason(pw, { email: "d@example.com", name: "Dewi Anggraini" })).toBe("containsName");
  });

  it("ignores short words of a name, and a missing name", () => {
    expect(weakPasswordReason("adirondack-trail-9", { email: "a@example.com", name: "Adi Putra" })).toBeNull();
    expect(weakPasswordReason("adi-putra-2026", { email: "a@example.com", name: "Adi Putra" })).toBe("containsName");
    expect(weakPasswordReason("sangat-rahasia-1", { email: "a@example.com", name: null })).toBeNull();
  });

  it("accepts a password that is none of these", () => {
    expect(weakPasswordReason("kopi-tubruk-di-pagi-hari", dewi)).toBeNull();
  });

  it("has a message in both languages for each reason", () => {
    for (const key of ["passwordCommon", "passwordContainsEmail", "passwordContainsName"] as const) {
      expect(en.validation[key]).toBeTruthy();
      expect(id.validation[key]).toBeTruthy();
    }
  });
});

describe("sign-up with a weak password", () => {
  const base = { role: "lender", fullName: "Rina Wijaya", phone: "081211112222", locale: "en" } as const;

  it.each([
    ["1111111111", "passwordCommon"],
    ["rina.w@example.com", "passwordContainsEmail"],
    ["wijaya-rina-99", "passwordContainsName"],
  ])("refuses %j with the field error %s and creates nobody", async (password, message) => {
    const email = `rina.w@example.com`;
    const err = await registerUser({ ctx: anonymousCtx(), input: { ...base, email, password } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(err.code).toBe("weak_password");
    expect(err.fields).toEqual({ password: message });
    const signIn = await verifyCredentials({ ctx: anonymousCtx({ ip: "198.51.100.9" }), input: { email, password } }).catch((e) => e);
    expect(signIn.code).toBe("invalid_credentials");
  });

  it("keeps the seeded demo passwords usable: the policy is for new passwords only", () => {
    // The seed hashes DEMO_PASSWORD directly; sign-up would accept it for the lender and borrower too.
    for (const a of [DEMO_ACCOUNTS[0], DEMO_ACCOUNTS[1], DEMO_KYC_WAITING_ACCOUNT]) {
      expect(weakPasswordReason(DEMO_PASSWORD, { email: a.email, name: a.fullName })).toBeNull();
    }
  });
});
