/**
 * The loan engine's pure, client-safe cores. Verbs that touch the database live beside these files
 * and are imported from their own modules (they are server-only), never through this index.
 */
export * from "./grades";
export * from "./math";
export * from "./schedule";
export * from "./caps";
export * from "./scoring";
export * from "./distribution";
export * from "./allocation";
