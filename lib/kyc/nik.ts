/**
 * The Indonesian NIK (Nomor Induk Kependudukan, the number on the KTP): 16 digits.
 *   1–2   province code (Kemendagri)          7–12  birth date DDMMYY, 40 added to the day for women
 *   3–4   regency/city code (not 00)          13–16 serial number (not 0000)
 *   5–6   district code (not 00)
 * Pure and client-safe: the KYC form checks it as the user types, the server checks it again.
 */

/**
 * Province codes in use: Sumatra 11–19, Kalimantan 61–65, Java 31–36, Bali/Nusa Tenggara 51–53,
 * Sulawesi 71–76, Maluku 81–82, Papua 91–96 (91 Papua, 92 Papua Barat and, since 2022, 93–96 for the
 * new Papuan provinces; older KTPs from Papua use 94). 21 is Kepulauan Riau.
 */
export const PROVINCE_CODES: ReadonlySet<number> = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91,
  92, 93, 94, 95, 96,
]);

export type NikError = "nikDigits" | "nikProvince" | "nikRegion" | "nikBirthDate" | "nikSerial";
export type ParsedNik = { province: number; female: boolean; day: number; month: number; yy: number };

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Parses a NIK's structure or says what is wrong with it. Leap days are checked against 2000 (a leap year). */
export function parseNik(nik: string): { ok: true; value: ParsedNik } | { ok: false; error: NikError } {
  if (!/^\d{16}$/.test(nik)) return { ok: false, error: "nikDigits" };
  const n = (from: number, to: number) => Number(nik.slice(from, to));
  const province = n(0, 2);
  if (!PROVINCE_CODES.has(province)) return { ok: false, error: "nikProvince" };
  if (n(2, 4) === 0 || n(4, 6) === 0) return { ok: false, error: "nikRegion" };
  const rawDay = n(6, 8);
  const month = n(8, 10);
  const yy = n(10, 12);
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (!isCalendarDate(2000 + yy, month, day) && !isCalendarDate(1900 + yy, month, day)) return { ok: false, error: "nikBirthDate" };
  if (n(12, 16) === 0) return { ok: false, error: "nikSerial" };
  return { ok: true, value: { province, female, day, month, yy } };
}

export type Sex = "male" | "female";

/**
 * Checks a NIK against the date of birth (YYYY-MM-DD) and sex entered beside it: the birth date
 * encoded in digits 7–12 must be the same day, and the +40 must match the sex.
 */
export function checkNik(nik: string, { dateOfBirth, sex }: { dateOfBirth?: string; sex?: Sex }): NikError | "nikBirthDateMismatch" | "nikSexMismatch" | null {
  const parsed = parseNik(nik);
  if (!parsed.ok) return parsed.error;
  const { day, month, yy, female } = parsed.value;
  const dob = dateOfBirth ? parseIsoDate(dateOfBirth) : null;
  if (dob && (dob.day !== day || dob.month !== month || dob.year % 100 !== yy)) return "nikBirthDateMismatch";
  if (sex && female !== (sex === "female")) return "nikSexMismatch";
  return null;
}

/** "1990-05-17" → { year, month, day }, or null when it is not a real date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Full years between a date of birth (YYYY-MM-DD) and an instant, on the Jakarta calendar (UTC+7). */
export function ageOn(dateOfBirth: string, at: Date): number | null {
  const dob = parseIsoDate(dateOfBirth);
  if (!dob) return null;
  const jakarta = new Date(at.getTime() + 7 * 3600_000);
  const [y, m, d] = [jakarta.getUTCFullYear(), jakarta.getUTCMonth() + 1, jakarta.getUTCDate()];
  let age = y - dob.year;
  if (m < dob.month || (m === dob.month && d < dob.day)) age--;
  return age;
}

export const MIN_AGE = 18;
