/**
 * Client-safe rules of the engagement layer that the browser and the server both apply, so they cannot
 * drift: the analytics consent cookie and the tracker's limits (components/tracking/ may import only
 * this, the schemas and lib/money).
 */
export { CONSENT_COOKIE, CONSENT_MAX_AGE, CONSENT_VALUES, consentFromCookieHeader, parseConsent, type Consent } from "./tracking/consent";
export {
  SESSION_INACTIVITY_MS,
  TRACK_CLIENT_BATCH,
  TRACK_CLIENT_QUEUE_CAP,
  TRACK_FLUSH_MS,
  TRACK_MAX_BODY_BYTES,
  TRACK_MAX_EVENTS_PER_BATCH,
  TRACK_MAX_PROPERTIES_CHARS,
} from "./tracking/limits";
export type { ClientEventName } from "./event-names";
