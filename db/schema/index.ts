export * from "./users";
export * from "./events";
export * from "./system";
