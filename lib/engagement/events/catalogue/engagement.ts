/** The engagement layer's own events: segment membership changes (journeys trigger on them). */
import { id, int, props, text } from "./kinds";

const membership = () => props({ segmentId: id(), segmentKey: text().optional(), version: int().optional() });

export const ENGAGEMENT_EVENTS = {
  segment_entered: membership(),
  segment_exited: membership(),
} as const;
