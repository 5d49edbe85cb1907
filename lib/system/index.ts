import "server-only";
/** The door of lib/system: what other domains and the UI may use. */
export { readSetting, writeSetting } from "./internal/settings";
export { syncClock } from "./internal/time-machine";
export { isDemoMode } from "./mode";
export { type TimeJumpHook } from "./time-jump";
