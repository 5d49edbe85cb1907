import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeRedirectPath } from "./safe-redirect";

const ORIGIN = "http://localhost:3000";

/** Known open-redirect bypasses: each must fall back. */
const BYPASSES = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "/\u000b/evil.example",
  "/\u007f/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d/evil.example",
  "/%0D%0A/evil.example",
  "/%00/evil.example",
  "/%2509/evil.example",
  "/%25250a/evil.example",
  "/%2f/evil.example",
  "/%2F%2Fevil.example",
  "%2f%2fevil.example",
  "/%5cevil.example",
  "/%5Cevil.example",
  "%5c%5cevil.example",
  "/%255cevil.example",
  "/%252f/evil.example",
  "/a/..//evil.example",
  "/a/%2e%2e//evil.example",
  "/.//evil.example",
  "https://evil.example",
  "http:evil.example",
  "HTTPS://evil.example/lender",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "@evil.example",
  "/%E0%A4%A", // malformed encoding
  "",
];

describe("safeRedirectPath", () => {
  it.each(BYPASSES)("refuses %j", (value) => {
    expect(safeRedirectPath(value, "/fallback")).toBe("/fallback");
  });

  it("refuses non-strings and very long values", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/lender"])).toBe("/");
    expect(safeRedirectPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("keeps ordinary same-site paths with their query and fragment", () => {
    expect(safeRedirectPath("/lender/portfolio")).toBe("/lender/portfolio");
    expect(safeRedirectPath("/lender/loans?sort=rate&page=2#top")).toBe("/lender/loans?sort=rate&page=2#top");
    expect(safeRedirectPath("/lender/wallet/topups/2d0f3c7e-1c1d-4c1b-9a43-5b0e0f7a2c11")).toBe(
      "/lender/wallet/topups/2d0f3c7e-1c1d-4c1b-9a43-5b0e0f7a2c11",
    );
    expect(safeRedirectPath("/lender/loans?q=a%2Fb")).toBe("/lender/loans?q=a%2Fb");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it("returns the form the browser follows (dot segments resolved, non-ASCII encoded)", () => {
    expect(safeRedirectPath("/lender/../borrower")).toBe("/borrower");
    expect(safeRedirectPath("/pinjaman/ü")).toBe("/pinjaman/%C3%BC");
  });

  it("property: any input gives a single-slash path that stays on this origin", () => {
    const piece = fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", "%", "%2f", "%5c", "%09", "%25", ".", "..", "evil.example", ":", "@", "?", "#", "javascript:");
    const tricky = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string(), fc.webUrl(), fc.webPath()), (value) => {
        const out = safeRedirectPath(value);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out.startsWith("/\\")).toBe(false);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 3000 },
    );
  });
});
