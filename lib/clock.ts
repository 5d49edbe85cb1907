/**
 * The one source of time for domain code. In demo mode the time machine moves it forward by an
 * offset stored in the database (see lib/system/time-machine.ts); tests pin it with setNow().
 * Only infrastructure that must follow the wall clock (job-runner heartbeats) uses realNow().
 */
type ClockState = { offsetMs: number; fixedMs: number | null };

const store = globalThis as unknown as { __lumbungClock?: ClockState };
const state: ClockState = (store.__lumbungClock ??= { offsetMs: 0, fixedMs: null });

export function now(): Date {
  return new Date(state.fixedMs ?? Date.now() + state.offsetMs);
}

/** The machine's wall clock, for infrastructure only (heartbeats, job runner health). */
export function realNow(): Date {
  return new Date(Date.now());
}

export function getClockOffsetMs(): number {
  return state.offsetMs;
}

/** Installs the time-machine offset read from the database. */
export function setClockOffsetMs(ms: number): void {
  state.offsetMs = ms;
}

/** Tests: pin the clock to an instant (or release it with null). */
export function setNow(at: Date | string | null): void {
  state.fixedMs = at === null ? null : new Date(at).getTime();
}

/** Tests: move a pinned clock forward. */
export function advanceNow(ms: number): void {
  state.fixedMs = (state.fixedMs ?? Date.now() + state.offsetMs) + ms;
}
