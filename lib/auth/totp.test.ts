import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hashRecoveryCode, hotp, matchTotp, newRecoveryCodes, totp, totpStep } from "./totp";

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"; 8-digit codes.
const SEED = Buffer.from("12345678901234567890");
const VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(VECTORS)("at %i s gives %s (SHA-1 test vector)", (seconds, code) => {
    expect(hotp(SEED, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it("HOTP matches RFC 4226 appendix D", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expected.forEach((code, i) => expect(hotp(SEED, BigInt(i))).toBe(code));
  });

  it("round-trips base32 and computes 6-digit codes from a base32 secret", () => {
    const secret = base32Encode(SEED);
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(secret).equals(SEED)).toBe(true);
    expect(totp(secret, 59_000)).toBe("287082");
  });

  it("accepts one step of drift either way and nothing further, and only 6 digits", () => {
    const secret = base32Encode(SEED);
    const at = 1111111111_000;
    const code = totp(secret, at);
    expect(matchTotp(secret, code, at)).toBe(totpStep(at));
    expect(matchTotp(secret, code, at + 30_000)).toBe(totpStep(at));
    expect(matchTotp(secret, code, at - 30_000)).toBe(totpStep(at));
    expect(matchTotp(secret, code, at + 90_000)).toBeNull();
    expect(matchTotp(secret, "12345", at)).toBeNull();
    expect(matchTotp(secret, "abcdef", at)).toBeNull();
  });

  it("makes distinct recovery codes whose hash ignores case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]!));
  });
});
