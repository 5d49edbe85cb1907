import { z } from "zod";

/** Inputs of the admin user-360 queries (client-safe). */
export const USER_EVENTS_PAGE_SIZE = 20;

export const User360Input = z.object({ userId: z.string().uuid("notFound") });

export const UserEventsInput = z.object({
  userId: z.string().uuid("notFound"),
  page: z.coerce.number<number>().int().min(1).max(10_000).default(1),
  /** An event name to filter by (any text: an unknown name simply matches nothing). */
  name: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z0-9_]*$/, "nameInvalid")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
