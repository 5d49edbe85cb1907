import { z } from "zod";

/** Inputs of the engagement queries (client-safe). */

/** The signed-in user's recent actions: how many (clamped to 1…50). */
export const RecentEventsInput = z.object({ limit: z.number().int().default(10) });
