import { describe, expect, it } from "vitest";
import { SUBGRADES, compareGrades, gradeLetter, gradeRank, isBetterOrEqual, isSubgrade, parseSubgrade, subgradeFromRank, subgradeNumber } from "./grades";

describe("grades", () => {
  it("lists 25 subgrades from A1 (best) to E5", () => {
    expect(SUBGRADES).toHaveLength(25);
    expect(SUBGRADES.slice(0, 6)).toEqual(["A1", "A2", "A3", "A4", "A5", "B1"]);
    expect(SUBGRADES.at(-1)).toBe("E5");
  });

  it("ranks, splits and rebuilds subgrades", () => {
    expect([gradeRank("A1"), gradeRank("C3"), gradeRank("E5")]).toEqual([0, 12, 24]);
    expect([gradeLetter("C3"), subgradeNumber("C3")]).toEqual(["C", 3]);
    expect(SUBGRADES.every((g, i) => subgradeFromRank(i) === g)).toBe(true);
    expect(() => subgradeFromRank(25)).toThrow(RangeError);
  });

  it("orders better grades first", () => {
    expect(["C1", "A5", "E5", "A1", "B3"].map(parseSubgrade).sort(compareGrades)).toEqual(["A1", "A5", "B3", "C1", "E5"]);
    expect(isBetterOrEqual("A5", "B1")).toBe(true);
    expect(isBetterOrEqual("B1", "A5")).toBe(false);
  });

  it("validates strings", () => {
    expect([isSubgrade("B2"), isSubgrade("F1"), isSubgrade("A6"), isSubgrade("a1")]).toEqual([true, false, false, false]);
    expect(() => parseSubgrade("Z9")).toThrow(RangeError);
  });
});
