import "server-only";
/** The door of lib/engagement: what other domains and the UI may use. */
export { track, trackMany, type TrackEvent } from "./internal/track";
export { runNightlyProfiles } from "./profiles/nightly";
export { profilesTimeJump } from "./profiles/time-jump";
export { getUser360, listUserEvents, type User360, type UserEventRow } from "./profiles/user360";
