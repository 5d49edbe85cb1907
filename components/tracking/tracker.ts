/**
 * Lumbung's first-party browser tracker: no third-party script. Events are queued in memory, batched
 * (TRACK_CLIENT_BATCH events or TRACK_FLUSH_MS, and at once when the page is hidden or left) and sent
 * to POST /api/track with navigator.sendBeacon (fetch keepalive when the beacon is refused). A batch
 * whose fetch fails goes back to the queue (capped, oldest dropped) and is retried with backoff; each
 * event carries a client-made id, so the server stores a retried batch once.
 *
 * Consent (components/tracking/consent-banner.tsx): until the visitor answers, events wait in memory;
 * "Accept analytics" sends them, "Only necessary" drops them and nothing is ever sent or stored in
 * localStorage. Browser-only module: import it from client components.
 */
import {
  SESSION_INACTIVITY_MS,
  TRACK_CLIENT_BATCH,
  TRACK_CLIENT_QUEUE_CAP,
  TRACK_FLUSH_MS,
  type ClientEventName,
  type Consent,
} from "@/lib/engagement/rules";

export type TrackProperties = Record<string, string | number | boolean | null | undefined>;

type WireEvent = {
  id: string;
  name: ClientEventName;
  at: string;
  properties: Record<string, string | number | boolean | null>;
  referrer?: string;
  utm?: { source?: string; medium?: string; campaign?: string };
};

type Intent = { name: ClientEventName; properties: TrackProperties; at: number; extra?: Pick<WireEvent, "referrer" | "utm"> };

const ENDPOINT = "/api/track";
const LAST_ACTIVITY_KEY = "lumbung_last_activity";
const MAX_BACKOFF_MS = 60_000;

const state: {
  consent: Consent | null;
  /** Recorded before the visitor answered the banner: sent on accept, dropped on decline. */
  undecided: Intent[];
  queue: WireEvent[];
  timer: ReturnType<typeof setTimeout> | null;
  backoffMs: number;
  retryAt: number;
  lastActivity: number | null;
  installed: boolean;
} = { consent: null, undecided: [], queue: [], timer: null, backoffMs: 0, retryAt: 0, lastActivity: null, installed: false };

function clean(properties: TrackProperties): WireEvent["properties"] {
  const out: WireEvent["properties"] = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined) out[k] = v;
  return out;
}

function newId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Very old browsers: an RFC 4122 v4 id from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function readLastActivity(): number | null {
  try {
    const v = Number(window.localStorage.getItem(LAST_ACTIVITY_KEY));
    return Number.isFinite(v) && v > 0 ? v : state.lastActivity;
  } catch {
    return state.lastActivity; // storage blocked: this tab's memory only
  }
}

function writeLastActivity(at: number) {
  state.lastActivity = at;
  try {
    window.localStorage.setItem(LAST_ACTIVITY_KEY, String(at));
  } catch {
    // storage blocked or full: the in-memory value stands in
  }
}

/** session_started when the last activity (in any tab) is more than 30 minutes old or unknown. */
function touchSession(at: number) {
  const last = readLastActivity();
  if (last === null || at - last > SESSION_INACTIVITY_MS) {
    enqueue({ name: "session_started", at, properties: { path: window.location.pathname, referrer: document.referrer || undefined } });
  }
  writeLastActivity(at);
}

function enqueue(intent: Intent) {
  state.queue.push({ id: newId(), name: intent.name, at: new Date(intent.at).toISOString(), properties: clean(intent.properties), ...intent.extra });
  if (state.queue.length > TRACK_CLIENT_QUEUE_CAP) state.queue.splice(0, state.queue.length - TRACK_CLIENT_QUEUE_CAP);
}

function record(intent: Intent) {
  touchSession(intent.at);
  enqueue(intent);
  if (state.queue.length >= TRACK_CLIENT_BATCH) flush();
  else schedule(TRACK_FLUSH_MS);
}

function schedule(ms: number) {
  if (state.timer !== null) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    flush();
  }, Math.max(ms, state.retryAt - Date.now(), 0));
}

function body(events: WireEvent[]): string {
  return JSON.stringify({ sentAt: new Date().toISOString(), events });
}

function beacon(json: string): boolean {
  try {
    return typeof navigator.sendBeacon === "function" && navigator.sendBeacon(ENDPOINT, new Blob([json], { type: "application/json" }));
  } catch {
    return false;
  }
}

function requeue(batch: WireEvent[]) {
  state.queue.unshift(...batch);
  if (state.queue.length > TRACK_CLIENT_QUEUE_CAP) state.queue.splice(0, state.queue.length - TRACK_CLIENT_QUEUE_CAP);
  // Several batches of one flush failing together back off once, not once each.
  if (Date.now() >= state.retryAt) {
    state.backoffMs = Math.min(state.backoffMs ? state.backoffMs * 2 : 2000, MAX_BACKOFF_MS);
    state.retryAt = Date.now() + state.backoffMs;
  }
  schedule(state.backoffMs);
}

/** Sends everything queued, in batches. `leaving`: the page is being hidden, do not wait for a backoff. */
export function flush({ leaving = false }: { leaving?: boolean } = {}) {
  if (state.consent !== "analytics") return;
  if (state.timer !== null) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  if (!leaving && Date.now() < state.retryAt) {
    schedule(0);
    return;
  }
  while (state.queue.length > 0) {
    const batch = state.queue.splice(0, TRACK_CLIENT_BATCH);
    const json = body(batch);
    if (beacon(json)) continue;
    void fetch(ENDPOINT, { method: "POST", body: json, headers: { "content-type": "application/json" }, keepalive: true, credentials: "same-origin" })
      .then((res) => {
        // A 4xx other than 429 will not get better by retrying: the batch is dropped.
        if (res.status === 429 || res.status >= 500) requeue(batch);
        else state.backoffMs = 0;
      })
      .catch(() => requeue(batch));
  }
}

/**
 * Records a named client event (one of CLIENT_EVENT_NAMES, e.g. gold_price_viewed). Counts as activity
 * for the 30-minute session rule. Nothing leaves the browser unless the visitor accepted analytics.
 */
export function trackEvent(name: ClientEventName, properties: TrackProperties = {}, extra?: Intent["extra"]) {
  if (typeof window === "undefined" || state.consent === "necessary") return;
  const intent: Intent = { name, properties, at: Date.now(), extra };
  if (state.consent === null) {
    state.undecided.push(intent);
    if (state.undecided.length > TRACK_CLIENT_QUEUE_CAP) state.undecided.shift();
    return;
  }
  record(intent);
}

/** The visitor's answer (or the cookie's at start). Accepting sends what waited; declining drops it. */
export function setTrackerConsent(consent: Consent | null) {
  state.consent = consent;
  if (consent === "analytics") {
    const waiting = state.undecided.splice(0);
    for (const intent of waiting) {
      touchSession(intent.at);
      enqueue(intent);
    }
    if (waiting.length > 0) flush();
  } else if (consent === "necessary") {
    state.undecided = [];
    state.queue = [];
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = null;
    state.lastActivity = null;
    try {
      window.localStorage.removeItem(LAST_ACTIVITY_KEY);
    } catch {
      // nothing stored
    }
  }
}

const clickText = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80);

/**
 * Installs the page-wide listeners once: element_clicked for any element with `data-track="<id>"`
 * (one delegated listener), and a flush when the page is hidden or left.
 */
export function installTracker() {
  if (state.installed || typeof window === "undefined") return;
  state.installed = true;
  document.addEventListener(
    "click",
    (e) => {
      const target = e.target instanceof Element ? e.target.closest("[data-track]") : null;
      const id = target?.getAttribute("data-track");
      if (!target || !id) return;
      trackEvent("element_clicked", { id: id.slice(0, 100), path: window.location.pathname, text: clickText(target) || undefined });
    },
    { capture: true },
  );
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush({ leaving: true });
  });
  window.addEventListener("pagehide", () => flush({ leaving: true }));
}

/** Tests only: the tracker's internal state. */
export function trackerStateForTests() {
  return state;
}
