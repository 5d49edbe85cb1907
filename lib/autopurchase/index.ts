import "server-only";
/**
 * Auto-purchase: lenders' strategies buy new loans automatically (docs/autopurchase.md).
 *
 * API for the UI (server components read with the queries, "use server" actions call the verbs
 * through runAction; every call needs a lender ctx; inputs are parsed here, field errors are keys
 * under "validation", domain error codes under "errors"):
 *
 * Verbs ({ ctx, input }):
 *  - createStrategy(input: StrategyInput form values) → AutoPurchaseStrategy (created paused, last priority)
 *  - updateStrategy({ strategyId, strategy: StrategyInput }) → AutoPurchaseStrategy
 *  - archiveStrategy({ strategyId }) → { strategyId }   ("delete": archived + switched off)
 *  - reorderStrategies({ orderedIds: string[] }) → { orderedIds }   (all non-archived ids, first = priority 1; else field orderedIds "orderStale")
 *  - setStrategyActive({ strategyId, active: boolean }) → AutoPurchaseStrategy
 *      on: throws code kyc_required | risk_check_required | poa_required (403), in that order
 *  - acceptPowerOfAttorney({ version: POA_VERSION, accepted: true }) → { version, acceptedAt }
 * Queries:
 *  - listStrategies({ ctx }) → StrategyView[] (rules + invested, outstanding, budgetUsed, budgetLeft, boughtCount, skippedCount)
 *  - getStrategy({ ctx, input: { strategyId } }) → StrategyView (code strategy_not_found, 404, if not the lender's)
 *  - listStrategyDecisions({ ctx, input: { strategyId, outcome: "bought" | "skipped", page? } }) → { items: DecisionView[], total, page, pageSize }
 *      DecisionView.details keys by reason (decimal strings, rupiah): balance {available, needed};
 *      reserve {available, reserve, needed}; limit {remaining, needed}; exposure {current, cap};
 *      budget {used, budget, needed}; below_minimum {offered, minimum}
 *  - previewStrategy({ ctx, input: { strategyId } | { strategy: StrategyInput form values } }) → { loans: PreviewLoan[] (≤ 50), total }
 *  - getAutoPurchaseStatus({ ctx }) → { kycApproved, riskCheckPassed, poaVersion, poaAcceptedAt, currentPoaVersion, poaCurrent, canEnable, anyActive, strategyCount }
 *  - listStrategyProductOptions({ ctx }) → { code, name, tenorUnit, minInvestment, investmentStep, method }[]
 * Client-safe (lib/autopurchase/schemas.ts): StrategyInput, percentToBps, bpsToPercent, STRATEGY_SUBGRADES,
 * STRATEGY_SECTORS, STRATEGY_METHODS, POA_VERSION, POA_CLAUSE_KEYS, SKIP_REASONS.
 * Notifications: kinds auto_purchase_executed {strategy, amount, product, grade} (link /lender/portfolio/<loanId>, the loan as the lender sees it),
 * auto_purchase_skipped_balance {strategy, available} (link /lender/wallet).
 * Matching (jobs, not for the UI): matchLoan, matchLender (match.ts).
 */
export { createStrategy } from "./create-strategy";
export { updateStrategy } from "./update-strategy";
export { archiveStrategy } from "./archive-strategy";
export { reorderStrategies } from "./reorder-strategies";
export { setStrategyActive } from "./set-strategy-active";
export { acceptPowerOfAttorney, PowerOfAttorneyRequired, POA_VERSION, POA_CLAUSE_KEYS } from "./power-of-attorney";
export { listStrategies, getStrategy, getAutoPurchaseStatus, listStrategyProductOptions, type StrategyView, type AutoPurchaseStatus, type StrategyProductOption } from "./strategy-queries";
export { listStrategyDecisions, DECISIONS_PAGE_SIZE, type DecisionView } from "./decisions";
export { previewStrategy, PREVIEW_LIMIT, type PreviewLoan } from "./preview";
export * from "./schemas";
export { matchLender, matchLoan } from "./match";
export { autoPurchaseTimeJump } from "./internal/triggers";
