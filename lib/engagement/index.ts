import "server-only";
/** The door of lib/engagement: what other domains and the UI may use. */
export { track, trackMany, type TrackEvent } from "./internal/track";
export { identify } from "./profiles/internal/identify";
export {
  ensureCurrentEventPartitions,
  eventPartitionsTimeJump,
} from "./events/internal/partitions";
export { pruneEventReceipts } from "./events/internal/receipts";
export { drainEvents, type DrainedEvent } from "./events/internal/cursor";
export { runNightlyProfiles } from "./profiles/nightly";
export { profilesTimeJump } from "./profiles/time-jump";
export { getUser360, listUserEvents, type User360, type UserEventRow } from "./profiles/user360";
