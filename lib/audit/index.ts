import "server-only";
/** The admin audit log: every admin decision, append-only (see docs/ARCHITECTURE.md, "Audit log"). */
export * from "./schemas";
export { recordAdminDecision, recordIfAdmin, type AdminDecision } from "./record";
export { listAuditEntries, listAuditAdmins, type AuditEntryView } from "./queries";
