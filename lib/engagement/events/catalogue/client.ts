/**
 * Browser events (POST /api/track): measurement, not business facts. Every text is bounded (a browser
 * writes them); money as decimal strings, as on the server.
 */
import { money, props, text } from "./kinds";

const PATH = 500;
const TEXT = 500;

// A click on an element that opted in with a data attribute: id is the attribute's value.
const click = () => props({ id: text(200), path: text(PATH), text: text(TEXT).optional() });

export const CLIENT_EVENTS = {
  page_viewed: props({ path: text(PATH), title: text(TEXT).optional(), referrer: text(TEXT).optional() }),
  // The first event after 30 minutes without one (components/tracking/).
  session_started: props({
    path: text(PATH).optional(),
    referrer: text(TEXT).optional(),
    device: text(100).optional(),
    browser: text(100).optional(),
  }),
  element_clicked: click(),
  cta_clicked: click(),
  // The gold page, once the price is on screen, with the prices it shows (components/gold/gold-view-tracker.tsx
  // sends both; optional so a view without a price loaded still counts).
  gold_price_viewed: props({ path: text(PATH), buyPerGram: money().optional(), sellPerGram: money().optional() }),
} as const;
