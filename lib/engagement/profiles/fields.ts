/**
 * The profile fields segments (and, later, templates) may use: the properties and computed traits of
 * `profiles` (db/schema/engagement.ts), each with its kind. Client-safe: the rule builder reads the
 * same list. `column` is the snake_case column of `profiles`; nothing else is ever put into SQL as a
 * name.
 */
export type FieldKind = "string" | "enum" | "number" | "money" | "gold" | "boolean" | "instant" | "day" | "string_array";

export type ProfileField = {
  key: string;
  column: string;
  kind: FieldKind;
  /** The allowed values of an enum (or of an array's items). */
  values?: readonly string[];
  group: "property" | "trait" | "rfm";
};

export const KYC_STATUSES = ["not_started", "draft", "submitted", "approved", "rejected"] as const;
export const KYC_STEP_VALUES = ["identity", "selfie", "ktp_photo", "address", "occupation", "bank_account"] as const;
export const PERSONAS = ["investor", "auto_investor", "gold_saver", "borrower", "new"] as const;
export const PRODUCTS = ["p2p_loans", "auto_purchase", "gold"] as const;
export const AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55+"] as const;
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const PROFILE_FIELDS = [
  { key: "role", column: "role", kind: "enum", values: ["lender", "borrower"], group: "property" },
  { key: "personas", column: "personas", kind: "string_array", values: PERSONAS, group: "property" },
  { key: "ageBand", column: "age_band", kind: "enum", values: AGE_BANDS, group: "property" },
  { key: "city", column: "city", kind: "string", group: "property" },
  { key: "province", column: "province", kind: "string", group: "property" },
  { key: "device", column: "device", kind: "string", group: "property" },
  { key: "browser", column: "browser", kind: "string", group: "property" },
  { key: "language", column: "language", kind: "enum", values: ["en", "id"], group: "property" },
  { key: "acquisitionChannel", column: "acquisition_channel", kind: "string", group: "property" },
  { key: "acquisitionCampaign", column: "acquisition_campaign", kind: "string", group: "property" },
  { key: "signedUpAt", column: "signed_up_at", kind: "instant", group: "property" },
  { key: "kycStatus", column: "kyc_status", kind: "enum", values: KYC_STATUSES, group: "property" },
  { key: "kycStep", column: "kyc_step", kind: "enum", values: KYC_STEP_VALUES, group: "property" },
  { key: "cashBalance", column: "cash_balance", kind: "money", group: "trait" },
  { key: "outstandingPrincipal", column: "outstanding_principal", kind: "money", group: "trait" },
  { key: "goldHeld", column: "gold_held", kind: "gold", group: "trait" },
  { key: "accountValue", column: "account_value", kind: "money", group: "trait" },
  { key: "totalInvested", column: "total_invested", kind: "money", group: "trait" },
  { key: "idleCash", column: "idle_cash", kind: "money", group: "trait" },
  { key: "idleSince", column: "idle_since", kind: "instant", group: "trait" },
  { key: "lastActiveAt", column: "last_active_at", kind: "instant", group: "trait" },
  { key: "firstInvestmentAt", column: "first_investment_at", kind: "instant", group: "trait" },
  { key: "lastInvestmentAt", column: "last_investment_at", kind: "instant", group: "trait" },
  { key: "investmentsCount", column: "investments_count", kind: "number", group: "trait" },
  { key: "productsUsed", column: "products_used", kind: "string_array", values: PRODUCTS, group: "trait" },
  { key: "autoPurchaseOn", column: "auto_purchase_on", kind: "boolean", group: "trait" },
  { key: "nextMaturityDate", column: "next_maturity_date", kind: "day", group: "trait" },
  { key: "nextDueDate", column: "next_due_date", kind: "day", group: "trait" },
  { key: "daysPastDue", column: "days_past_due", kind: "number", group: "trait" },
  { key: "rfmRecency", column: "rfm_recency", kind: "number", group: "rfm" },
  { key: "rfmFrequency", column: "rfm_frequency", kind: "number", group: "rfm" },
  { key: "rfmMonetary", column: "rfm_monetary", kind: "number", group: "rfm" },
  { key: "rfmSegment", column: "rfm_segment", kind: "enum", values: RFM_SEGMENTS, group: "rfm" },
] as const satisfies readonly ProfileField[];

export type ProfileFieldKey = (typeof PROFILE_FIELDS)[number]["key"];
export const PROFILE_FIELD_KEYS = PROFILE_FIELDS.map((f) => f.key) as [ProfileFieldKey, ...ProfileFieldKey[]];

export function profileField(key: string): ProfileField | undefined {
  return (PROFILE_FIELDS as readonly ProfileField[]).find((f) => f.key === key);
}
