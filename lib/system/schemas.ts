import { z } from "zod";

/** Time machine: how far to move the demo clock forward. Shared by the form and the server. */
export const AdvanceClockInput = z.object({
  amount: z.coerce.number<number>().int("wholeNumber").min(1, "atLeastOne").max(3650, "tooLarge"),
  unit: z.enum(["hours", "days"]),
  /**
   * One id per intended jump, made by the form: the same request sent twice (a double click, a retry
   * after a dropped response) moves the clock once. Optional for scripts and tests.
   */
  requestId: z.string().uuid("invalid").optional(),
});
export type AdvanceClockInput = z.infer<typeof AdvanceClockInput>;
