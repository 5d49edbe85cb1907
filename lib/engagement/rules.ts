/**
 * Client-safe rules of the engagement layer that the browser and the server both apply, so they cannot
 * drift (components/ may import only this, the schemas and lib/money).
 */

// Segments: the rule tree, its validation (the server runs the same), which operators fit which kind,
// the profile fields and the event catalogue the rule builder (components/engagement/segments/)
// offers, and the verbs' inputs.
export { FIELD_OPS, EVENT_FILTER_OPS, MAX_RULE_DEPTH, type FieldOp, type Rule, type RuleGroup, type Condition, type SegmentRule } from "./segments/definition";
export { validateRule, RULE_ERROR_KEYS, type RuleIssue } from "./segments/validate";
export { OPS_BY_KIND, FILTER_OPS_BY_KIND, type PropertyKind } from "./segments/ops";
export { PROFILE_FIELDS, profileField, type FieldKind, type ProfileField } from "./profiles/fields";
export { SERVER_EVENT_NAMES, CLIENT_EVENT_NAMES, eventProperties } from "./event-names";
export { SegmentName, SegmentDescription, PREVIEW_SAMPLE_SIZE } from "./segments/schemas";
