import "server-only";
/** The door of lib/engagement: what other domains and the UI may use. */
export { track, trackMany, type TrackEvent } from "./internal/track";
export { processSegmentEvents, refreshSegments, type ProcessedEvents, type RefreshedSegments } from "./segments/refresh";
export { segmentsTimeJump } from "./segments/time-jump";
// Segments (admin verbs; the seed creates segments as the system).
export { createSegment } from "./segments/create";
export { updateSegment } from "./segments/update";
export { archiveSegment } from "./segments/archive";
export { listSegments, listSegmentChoices, type SegmentListItem } from "./segments/list";
export { getSegment } from "./segments/get";
export { previewSegment, type SegmentPreview } from "./segments/preview";
export { listSegmentMembers, type SegmentMemberRow } from "./segments/members";
export { exportSegmentCsv, csvCell, SEGMENT_CSV_COLUMNS } from "./segments/export";
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
