/**
 * Risk grades: five letters A (best) … E, each split into subgrades 1 (best) … 5, so A1 is the best
 * of 25 and E5 the worst still lendable. Rank 0 = A1, rank 24 = E5; a lower rank is a better grade.
 */
export const GRADE_LETTERS = ["A", "B", "C", "D", "E"] as const;
export type GradeLetter = (typeof GRADE_LETTERS)[number];

export const SUBGRADE_NUMBERS = [1, 2, 3, 4, 5] as const;
export type SubgradeNumber = (typeof SUBGRADE_NUMBERS)[number];

export type Subgrade = `${GradeLetter}${SubgradeNumber}`;

export const SUBGRADES: readonly Subgrade[] = GRADE_LETTERS.flatMap((letter) =>
  SUBGRADE_NUMBERS.map((n): Subgrade => `${letter}${n}`),
);

export const BEST_SUBGRADE: Subgrade = "A1";
export const WORST_SUBGRADE: Subgrade = "E5";

export function isSubgrade(value: string): value is Subgrade {
  return (SUBGRADES as readonly string[]).includes(value);
}

export function parseSubgrade(value: string): Subgrade {
  if (!isSubgrade(value)) throw new RangeError(`not a subgrade: ${value}`);
  return value;
}

export function gradeLetter(grade: Subgrade): GradeLetter {
  return grade[0] as GradeLetter;
}

export function subgradeNumber(grade: Subgrade): SubgradeNumber {
  return Number(grade[1]) as SubgradeNumber;
}

/** 0 for A1 … 24 for E5. */
export function gradeRank(grade: Subgrade): number {
  return SUBGRADES.indexOf(grade);
}

export function subgradeFromRank(rank: number): Subgrade {
  const grade = SUBGRADES[rank];
  if (grade === undefined) throw new RangeError(`no subgrade at rank ${rank}`);
  return grade;
}

/** Sort comparator: negative when `a` is the better grade. */
export function compareGrades(a: Subgrade, b: Subgrade): number {
  return gradeRank(a) - gradeRank(b);
}

export function isBetterOrEqual(a: Subgrade, b: Subgrade): boolean {
  return gradeRank(a) <= gradeRank(b);
}
