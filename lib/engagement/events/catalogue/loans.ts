/** The borrower journey, funding and servicing (lib/loans), and the lender cart (lib/lending/cart.ts). */
import { bool, bps, day, enumOf, id, instant, int, list, money, props, text } from "./kinds";
import { APPLICATION_STEPS, CHECKOUT_OUTCOMES, DOCUMENT_KINDS, INVESTMENT_SOURCES, LOAN_STATUSES, REPAYMENT_SOURCES, SUBGRADES, TENOR_UNITS, TOPUP_METHODS } from "./enums";

// The browser's key for one checkout (idempotency), 8–50 characters: not a row id.
const checkoutKey = () => text(50);

const repayment = () =>
  props({
    loanId: id(),
    repaymentId: id(),
    source: enumOf(REPAYMENT_SOURCES),
    amount: money(),
    principal: money(),
    interest: money(),
    lateFee: money(),
    serviceFee: money(),
  });

export const LOAN_EVENTS = {
  loan_application_started: props({ applicationId: id() }),
  loan_application_step_completed: props({ applicationId: id(), step: enumOf(APPLICATION_STEPS), stepIndex: int() }),
  loan_application_document_uploaded: props({ applicationId: id(), kind: enumOf(DOCUMENT_KINDS), mime: text(), size: int() }),
  loan_application_submitted: props({ applicationId: id(), productId: id(), amount: money(), tenor: int(), score: int() }),
  loan_application_declined: props({ applicationId: id(), score: int(), reasons: list(text()) }),
  loan_application_approved: props({
    applicationId: id(),
    loanId: id(),
    subgrade: enumOf(SUBGRADES),
    rateBps: bps(),
    adjusted: bool(),
    reviewerId: id(),
  }),
  loan_application_rejected: props({ applicationId: id(), reviewerId: id() }),
  loan_application_info_requested: props({ applicationId: id(), questionId: id(), reviewerId: id() }),
  loan_application_info_provided: props({ applicationId: id(), questionId: id() }),
  loan_listed: props({
    loanId: id(),
    productCode: text(),
    principal: money(),
    subgrade: enumOf(SUBGRADES),
    rateBps: bps(),
    tenor: int(),
    tenorUnit: enumOf(TENOR_UNITS),
  }),
  loan_invested: props({ loanId: id(), investmentId: id(), amount: money(), source: enumOf(INVESTMENT_SOURCES) }),
  loan_funded: props({ loanId: id(), principal: money(), lenders: int() }),
  loan_funding_cancelled: props({ loanId: id(), funded: money(), principal: money(), investments: int() }),
  loan_agreement_accepted: props({ loanId: id(), status: enumOf(LOAN_STATUSES) }),
  loan_disbursed: props({ loanId: id(), principal: money(), platformFee: money(), net: money(), lenders: int() }),
  loan_repayment_link_created: props({ loanId: id(), topUpId: id(), amount: money(), method: enumOf(TOPUP_METHODS) }),
  loan_repayment_received: repayment(),
  installment_due_soon: props({ loanId: id(), number: int(), dueDate: instant(), owed: money() }),
  installment_paid: props({ loanId: id(), number: int(), repaymentId: id() }),
  installment_late: props({ loanId: id(), number: int(), day: day(), owed: money() }),
  loan_early_payoff: props({ loanId: id(), amount: money(), interestWaived: money() }),
  loan_repaid: props({ loanId: id(), principal: money() }),
  loan_defaulted: props({ loanId: id(), day: day(), daysPastDue: int(), overdue: money() }),
  loan_restructure_proposed: props({ loanId: id(), restructureId: id(), newTenor: int(), newRateBps: bps(), lenders: int() }),
  loan_restructure_consented: props({ loanId: id(), restructureId: id() }),
  loan_restructured: props({ loanId: id(), restructureId: id(), version: int(), outstanding: money(), arrearsInterest: money() }),
  loan_written_off: props({ loanId: id(), outstandingPrincipal: money(), adminId: id(), reason: text() }),
  loan_recovery_received: repayment(),
  // Cart: each carries the product code, so cart-to-checkout can be measured per product.
  cart_item_added: props({ loanId: id(), product: text(), amount: money() }),
  checkout_started: props({ checkoutId: checkoutKey(), itemId: id(), loanId: id(), product: text(), amount: money() }),
  checkout_completed: props({
    checkoutId: checkoutKey(),
    loanId: id(),
    product: text(),
    amount: money(),
    outcome: enumOf(CHECKOUT_OUTCOMES),
    investmentId: id().optional(),
    reason: text().optional(),
  }),
} as const;
