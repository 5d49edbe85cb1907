import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from "./actions";

export * from "./actions";

/** Empty form fields arrive as "": treat them as "no filter". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid").optional());

/** Filters and page of the admin audit log (the page's form sends these as query parameters). */
export const ListAuditEntriesInput = z
  .object({
    action: z.preprocess(blank, z.enum(AUDIT_ACTIONS, { message: "actionInvalid" }).optional()),
    subjectType: z.preprocess(blank, z.enum(AUDIT_SUBJECT_TYPES, { message: "subjectInvalid" }).optional()),
    subjectId: z.preprocess(blank, z.string().trim().max(100, "tooLong").optional()),
    adminId: z.preprocess(blank, z.string().uuid("adminInvalid").optional()),
    /** Jakarta calendar days, inclusive. */
    from: day,
    to: day,
    page: z.coerce.number<number>().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number<number>().int().min(1).max(100).default(25),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "dateRange" });
export type ListAuditEntriesInput = z.input<typeof ListAuditEntriesInput>;
