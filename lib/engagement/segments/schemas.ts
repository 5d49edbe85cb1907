import { z } from "zod";

/**
 * Inputs of the segment verbs (lib/engagement/segments/*.ts). Client-safe: the editor
 * (components/engagement/segments/) checks name and description with the same schemas and the rule
 * with validateRule (./validate.ts), which the verbs run too. The rule travels as `unknown` here:
 * validateRule turns every incomplete part of it into an issue keyed for `segments.errors.<key>`.
 */

const Id = z.string().uuid("notFound");
const Page = z.coerce.number<number>().int().min(1).max(100_000).default(1);

export const SegmentName = z.string({ message: "nameRequired" }).trim().min(1, "nameRequired").max(120, "nameTooLong");
export const SegmentDescription = z.string().trim().max(500, "descriptionTooLong").default("");

export const SegmentFields = z.object({
  name: SegmentName,
  description: SegmentDescription,
  rule: z.unknown(),
});

export const CreateSegmentInput = SegmentFields.extend({
  /** Names a seeded segment (db/seed/segments.ts); admins' segments have none. */
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{0,79}$/, "keyInvalid").optional(),
});
export type CreateSegmentInput = z.input<typeof CreateSegmentInput>;

export const UpdateSegmentInput = SegmentFields.extend({
  segmentId: Id,
  /** The version the editor started from: a save over someone else's newer edit is refused. */
  expectedVersion: z.coerce.number<number>().int().min(1).optional(),
});
export type UpdateSegmentInput = z.input<typeof UpdateSegmentInput>;

export const SegmentLookupInput = z.object({ segmentId: Id });

export const ListSegmentsInput = z.object({
  status: z.enum(["active", "archived"]).default("active"),
  page: Page,
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(25),
});

export const PreviewSegmentInput = z.object({ rule: z.unknown() });

/** How many members the live preview shows by name. */
export const PREVIEW_SAMPLE_SIZE = 10;

export const SegmentMembersInput = z.object({
  segmentId: Id,
  page: Page,
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(25),
});
