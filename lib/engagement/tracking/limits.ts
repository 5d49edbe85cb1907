/**
 * Limits of POST /api/track, shared by the browser tracker (components/tracking/tracker.ts) so it never
 * builds a batch the server refuses. Client-safe.
 */
export const TRACK_MAX_EVENTS_PER_BATCH = 50;
/** The whole request body, in bytes. */
export const TRACK_MAX_BODY_BYTES = 64 * 1024;
/** One event's properties, serialized as JSON, in characters. */
export const TRACK_MAX_PROPERTIES_CHARS = 2048;
/** Events per minute per visitor (signed-in user, else anonymous id) and per client IP. */
export const TRACK_RATE_PER_VISITOR = 120;
export const TRACK_RATE_PER_IP = 600;
/** The browser's batch: sent at this many events or after TRACK_FLUSH_MS, whichever comes first. */
export const TRACK_CLIENT_BATCH = 20;
export const TRACK_FLUSH_MS = 3000;
/** Events the browser keeps for a retry at most (oldest dropped first). */
export const TRACK_CLIENT_QUEUE_CAP = 200;
/** A new session after this much inactivity. */
export const SESSION_INACTIVITY_MS = 30 * 60 * 1000;
