export * from "./users";
export * from "./events";
export * from "./system";
export * from "./ledger";
export * from "./payments";
export * from "./notifications";
export * from "./kyc";
export * from "./loans";
