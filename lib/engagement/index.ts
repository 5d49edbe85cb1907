import "server-only";
/** The door of lib/engagement: what other domains and the UI may use. */
export { track, trackMany, type TrackEvent } from "./internal/track";
export {
  ensureCurrentEventPartitions,
  eventPartitionsTimeJump,
} from "./events/internal/partitions";
export { pruneEventReceipts } from "./events/internal/receipts";
export { drainEvents, type DrainedEvent } from "./events/internal/cursor";
