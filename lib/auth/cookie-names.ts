/** Cookie names shared by the proxy (proxy.ts) and the server; nothing else here, so the proxy stays small. */
export const ANONYMOUS_ID_COOKIE = "lumbung_aid";
export const FIRST_TOUCH_COOKIE = "lumbung_ft";
export const LOCALE_COOKIE = "NEXT_LOCALE";
