import { inArray } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { segments } from "@/db/schema";
import { systemCtx } from "@/lib/context";
import { createSegment } from "@/lib/engagement";
import { KYC_STEP_VALUES, RFM_SEGMENTS, type RfmSegment } from "@/lib/engagement/profiles/fields";
import type { Rule, SegmentRule } from "@/lib/engagement/segments/definition";

/**
 * The seeded segments: the starting points of onboarding, upsell, reactivation and reminder nudges.
 * Editable like any other (admins change their rules in /admin/engagement/segments); the stable `key`
 * is how the seed recognises them, so a segment an admin edited is never overwritten and one they
 * archived is not brought back. Rules per lib/engagement/segments/definition.ts, fields per
 * lib/engagement/profiles/fields.ts; money as decimal strings of rupiah.
 */
export type SeededSegment = { key: string; name: string; description: string; rule: SegmentRule };

const and = (...rules: Rule[]): SegmentRule => ({ type: "group", op: "and", rules });
const lender: Rule = { type: "property", field: "role", op: "eq", value: "lender" };
const borrower: Rule = { type: "property", field: "role", op: "eq", value: "borrower" };

const STEP_NAMES: Record<(typeof KYC_STEP_VALUES)[number], string> = {
  identity: "identity",
  selfie: "selfie",
  ktp_photo: "KTP photo",
  address: "address",
  occupation: "occupation",
  bank_account: "bank account",
};

const RFM_NAMES: Record<RfmSegment, string> = {
  champions: "Champions",
  loyal: "Loyal",
  potential_loyalist: "Potential loyalist",
  new: "New",
  promising: "Promising",
  need_attention: "Need attention",
  about_to_sleep: "About to sleep",
  at_risk: "At risk",
  cant_lose_them: "Can't lose them",
  hibernating: "Hibernating",
};

/** No event for 30 days: last active more than 30 days ago, or never active and signed up before that. */
const inactive30: Rule = {
  type: "group",
  op: "or",
  rules: [
    { type: "property", field: "lastActiveAt", op: "more_than_days_ago", value: 30 },
    and({ type: "property", field: "lastActiveAt", op: "not_set" }, { type: "property", field: "signedUpAt", op: "more_than_days_ago", value: 30 }),
  ],
};

export const SEEDED_SEGMENTS: readonly SeededSegment[] = [
  {
    key: "new_lenders_without_kyc",
    name: "New lenders without KYC",
    description: "Lenders who signed up in the last 30 days and have not submitted or passed KYC.",
    rule: and(
      lender,
      { type: "property", field: "signedUpAt", op: "less_than_days_ago", value: 30 },
      { type: "property", field: "kycStatus", op: "not_in", value: ["approved", "submitted"] },
    ),
  },
  ...KYC_STEP_VALUES.map(
    (step): SeededSegment => ({
      key: `kyc_abandoned_${step}`,
      name: `KYC abandoned at ${STEP_NAMES[step]}`,
      description:
        step === "identity"
          ? "Lenders who signed up over a day ago and have not completed the first KYC step (identity)."
          : `Lenders whose KYC draft stopped at the ${STEP_NAMES[step]} step, with no step completed for over a day.`,
      // The first step has no earlier step to date the stop by: a day since sign-up with no step done.
      rule:
        step === "identity"
          ? and(
              lender,
              { type: "property", field: "kycStatus", op: "in", value: ["not_started", "draft"] },
              { type: "property", field: "signedUpAt", op: "more_than_days_ago", value: 1 },
              { type: "event", event: "kyc_step_completed", op: "at_most", count: 0, where: [] },
            )
          : and(
              lender,
              { type: "property", field: "kycStatus", op: "eq", value: "draft" },
              { type: "property", field: "kycStep", op: "eq", value: step },
              { type: "event_time", which: "last", event: "kyc_step_completed", where: [], op: "more_than_days_ago", days: 1 },
            ),
    }),
  ),
  {
    key: "kyc_approved_not_topped_up",
    name: "KYC approved, never topped up",
    description: "Verified lenders who have never topped up their wallet.",
    rule: and(lender, { type: "property", field: "kycStatus", op: "eq", value: "approved" }, { type: "event", event: "topup_paid", op: "at_most", count: 0, where: [] }),
  },
  {
    key: "topped_up_not_invested",
    name: "Topped up, never invested",
    description: "Lenders with a paid top-up and no investment yet.",
    rule: and(lender, { type: "event", event: "topup_paid", op: "at_least", count: 1, where: [] }, { type: "property", field: "investmentsCount", op: "eq", value: 0 }),
  },
  {
    key: "first_investment_no_autopurchase",
    name: "First investment in the last 10 days, no auto-purchase",
    description: "Lenders who made their first investment in the last 10 days and have not turned on auto-purchase.",
    rule: and(lender, { type: "property", field: "firstInvestmentAt", op: "less_than_days_ago", value: 10 }, { type: "property", field: "autoPurchaseOn", op: "is_false" }),
  },
  {
    key: "inactive_lenders_under_1m",
    name: "Inactive lenders, account value under Rp1.000.000",
    description: "Lenders with no activity in 30 days and an account value below Rp1.000.000.",
    rule: and(lender, inactive30, { type: "property", field: "accountValue", op: "lte", value: "999999" }),
  },
  {
    key: "inactive_lenders_1m_10m",
    name: "Inactive lenders, account value Rp1–10 million",
    description: "Lenders with no activity in 30 days and an account value from Rp1.000.000 to Rp10.000.000.",
    rule: and(lender, inactive30, { type: "property", field: "accountValue", op: "between", value: ["1000000", "10000000"] }),
  },
  {
    key: "inactive_lenders_over_10m",
    name: "Inactive lenders, account value over Rp10 million",
    description: "Lenders with no activity in 30 days and an account value above Rp10.000.000.",
    rule: and(lender, inactive30, { type: "property", field: "accountValue", op: "gte", value: "10000001" }),
  },
  {
    key: "idle_cash_over_1m",
    name: "Idle cash above Rp1.000.000 for 2 days",
    description: "Lenders whose uninvested cash has been above Rp1.000.000 for more than 2 days.",
    rule: and(lender, { type: "property", field: "idleCash", op: "gte", value: "1000001" }, { type: "property", field: "idleSince", op: "more_than_days_ago", value: 2 }),
  },
  {
    key: "lenders_maturing_3_days",
    name: "Lenders with an investment maturing in 3 days",
    description: "Lenders whose next investment matures within 3 days.",
    rule: and(lender, { type: "property", field: "nextMaturityDate", op: "in_next_days", value: 3 }),
  },
  {
    key: "borrowers_due_3_days",
    name: "Borrowers with an installment due in 3 days",
    description: "Borrowers whose next installment is due within 3 days.",
    rule: and(borrower, { type: "property", field: "nextDueDate", op: "in_next_days", value: 3 }),
  },
  {
    key: "borrowers_late",
    name: "Borrowers late on an installment",
    description: "Borrowers with an installment past its due date.",
    rule: and(borrower, { type: "property", field: "daysPastDue", op: "gte", value: 1 }),
  },
  ...RFM_SEGMENTS.map(
    (segment): SeededSegment => ({
      key: `rfm_${segment}`,
      name: `RFM: ${RFM_NAMES[segment]}`,
      description: `Lenders in the ${RFM_NAMES[segment]} RFM segment (recency, frequency and value of the last 365 days, scored nightly).`,
      rule: and({ type: "property", field: "rfmSegment", op: "eq", value: segment }),
    }),
  ),
  {
    key: "bahasa_jakarta",
    name: "Bahasa speakers in Jakarta",
    description: "Users who use the app in Bahasa Indonesia and live in Jakarta.",
    rule: and({ type: "property", field: "language", op: "eq", value: "id" }, { type: "property", field: "city", op: "contains", value: "Jakarta" }),
  },
];

/**
 * Creates the seeded segments that do not exist yet (by key), each computing its members at once. Runs at every boot after the profiles are seeded:
 * existing keys — edited or archived by an admin — are left alone.
 */
export async function seedSegments(handle: DatabaseHandle): Promise<{ created: number }> {
  const db = handle.db;
  const keys = SEEDED_SEGMENTS.map((s) => s.key);
  const existing = new Set((await db.select({ key: segments.key }).from(segments).where(inArray(segments.key, keys))).map((r) => r.key));
  let created = 0;
  for (const s of SEEDED_SEGMENTS) {
    if (existing.has(s.key)) continue;
    // The admin's own verb, as the system: the same validation, dependencies and first membership.
    await createSegment({ ctx: systemCtx("seed"), input: { key: s.key, name: s.name, description: s.description, rule: s.rule } });
    created++;
  }
  return { created };
}
