import { describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { fieldErrorsFromZod } from "@/lib/errors";
import { ageOn, checkNik, parseNik } from "./nik";
import { IdentityStep } from "./schemas";

describe("parseNik", () => {
  it("reads province, sex and birth date", () => {
    expect(parseNik("3175015705900001")).toEqual({ ok: true, value: { province: 31, female: true, day: 17, month: 5, yy: 90 } });
    expect(parseNik("1271021708450003")).toEqual({ ok: true, value: { province: 12, female: false, day: 17, month: 8, yy: 45 } });
  });

  it("wants exactly 16 digits", () => {
    expect(parseNik("317501570590000")).toEqual({ ok: false, error: "nikDigits" });
    expect(parseNik("31750157059000012")).toEqual({ ok: false, error: "nikDigits" });
    expect(parseNik("3175O15705900001")).toEqual({ ok: false, error: "nikDigits" });
  });

  it("accepts real province codes only", () => {
    for (const code of ["11", "19", "21", "31", "36", "51", "53", "61", "65", "71", "76", "81", "82", "91", "92", "94"]) {
      expect(parseNik(`${code}75011705900001`).ok, code).toBe(true);
    }
    for (const code of ["00", "10", "20", "22", "30", "37", "50", "54", "60", "66", "70", "77", "80", "83", "90", "97", "99"]) {
      expect(parseNik(`${code}75011705900001`), code).toEqual({ ok: false, error: "nikProvince" });
    }
  });

  it("refuses a zero regency, district or serial", () => {
    expect(parseNik("3100011705900001")).toEqual({ ok: false, error: "nikRegion" });
    expect(parseNik("3175001705900001")).toEqual({ ok: false, error: "nikRegion" });
    expect(parseNik("3175011705900000")).toEqual({ ok: false, error: "nikSerial" });
  });

  it("refuses impossible birth dates (day 32, 00, 72, month 13, 30 February)", () => {
    for (const d of ["320590", "000590", "720590", "171390", "300290", "710290"]) {
      expect(parseNik(`317501${d}0001`), d).toEqual({ ok: false, error: "nikBirthDate" });
    }
    expect(parseNik("3175012902000001").ok).toBe(true); // 29 Feb 2000
    expect(parseNik("3175016902000001").ok).toBe(true); // the same, a woman
  });
});

describe("checkNik", () => {
  it("matches the date of birth and the sex", () => {
    expect(checkNik("3175015705900001", { dateOfBirth: "1990-05-17", sex: "female" })).toBeNull();
    expect(checkNik("3175011705900001", { dateOfBirth: "1990-05-17", sex: "male" })).toBeNull();
    expect(checkNik("3175015705900001", { dateOfBirth: "1990-05-18", sex: "female" })).toBe("nikBirthDateMismatch");
    expect(checkNik("3175015705900001", { dateOfBirth: "1991-05-17", sex: "female" })).toBe("nikBirthDateMismatch");
    expect(checkNik("3175015705900001", { dateOfBirth: "1990-05-17", sex: "male" })).toBe("nikSexMismatch");
    expect(checkNik("3175011705900001", { dateOfBirth: "1990-05-17", sex: "female" })).toBe("nikSexMismatch");
  });
});

describe("ageOn", () => {
  it("counts full years on the Jakarta calendar", () => {
    expect(ageOn("2008-11-24", new Date("2026-11-23T16:59:59Z"))).toBe(17); // 23:59 in Jakarta
    expect(ageOn("2008-11-24", new Date("2026-11-23T17:00:00Z"))).toBe(18); // midnight in Jakarta
    expect(ageOn("2000-02-29", new Date("2018-02-28T12:00:00Z"))).toBe(17);
    expect(ageOn("2000-02-29", new Date("2018-03-01T12:00:00Z"))).toBe(18);
    expect(ageOn("2000-02-30", new Date())).toBeNull();
  });
});

describe("IdentityStep", () => {
  const base = { fullName: "Sari Lestari", nik: "3175 0157 0590 0001", sex: "female", dateOfBirth: "1990-05-17" };
  const errors = (v: unknown) => {
    const r = IdentityStep.safeParse(v);
    return r.success ? {} : fieldErrorsFromZod(r.error.issues);
  };

  it("accepts a matching identity and strips spaces from the NIK", () => {
    setNow("2026-11-23T03:00:00Z");
    expect(IdentityStep.parse(base).nik).toBe("3175015705900001");
  });

  it("refuses lenders under 18 against the clock", () => {
    setNow("2026-11-23T03:00:00Z");
    const young = { ...base, dateOfBirth: "2008-11-24", nik: "3175016411080001" };
    expect(errors(young)).toEqual({ dateOfBirth: "tooYoung" });
    setNow("2026-11-24T03:00:00Z");
    expect(errors(young)).toEqual({});
  });

  it("explains a NIK that does not match", () => {
    setNow("2026-11-23T03:00:00Z");
    expect(errors({ ...base, nik: "3175011705900001" })).toEqual({ nik: "nikSexMismatch" });
    expect(errors({ ...base, nik: "9975015705900001" })).toEqual({ nik: "nikProvince" });
    expect(errors({ ...base, dateOfBirth: "1990-13-01" })).toEqual({ dateOfBirth: "dateInvalid" });
    expect(errors({ ...base, fullName: "" })).toMatchObject({ fullName: "required" });
  });
});
