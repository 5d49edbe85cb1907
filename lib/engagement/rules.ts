/**
 * Client-safe rules of the engagement layer that the browser and the server both apply, so they cannot
 * drift (components/ may import only this, the schemas and lib/money).
 */

// Tracking: the analytics consent cookie and the tracker's limits (components/tracking/).
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

// Segments: the rule tree, its validation (the server runs the same), which operators fit which kind,
// the profile fields and the event catalogue the rule builder (components/engagement/segments/)
// offers, and the verbs' inputs.
export { FIELD_OPS, EVENT_FILTER_OPS, MAX_RULE_DEPTH, type FieldOp, type Rule, type RuleGroup, type Condition, type SegmentRule } from "./segments/definition";
export { validateRule, RULE_ERROR_KEYS, type RuleIssue } from "./segments/validate";
export { OPS_BY_KIND, FILTER_OPS_BY_KIND, type PropertyKind } from "./segments/ops";
export { PROFILE_FIELDS, profileField, type FieldKind, type ProfileField } from "./profiles/fields";
export { SERVER_EVENT_NAMES, CLIENT_EVENT_NAMES, eventProperties } from "./event-names";
export { SegmentName, SegmentDescription, PREVIEW_SAMPLE_SIZE } from "./segments/schemas";
