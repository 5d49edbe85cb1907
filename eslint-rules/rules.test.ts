import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { RuleTester } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "./index.mjs";

// RuleTester runs its cases through the test framework's hooks.
Object.assign(RuleTester, { afterAll, describe, it, itOnly: it.only });

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" } });
const root = process.cwd();
const at = (file: string) => path.join(root, file);
type Rule = Parameters<RuleTester["run"]>[1];
const rules = plugin.rules as unknown as Record<"guard-first" | "verb-signature" | "domain-door" | "no-internal-import" | "tx-helpers-internal", Rule>;

tester.run("guard-first", rules["guard-first"], {
  valid: [
    { code: "export async function f({ ctx, input }: { ctx: Ctx; input: unknown }) { const actor = requireRole(ctx, 'lender'); return input; }" },
    { code: "export async function f({ ctx }: { ctx: Ctx }) { requireSystem(ctx); }" },
    { code: "export const f = async ({ ctx }: { ctx: Ctx }) => { allowAnonymous(ctx); };" },
    { code: "export function f({ ctx }: { ctx: Ctx }) { await requireSystemOrAdmin(ctx); }" },
    { code: "export function f(tx: Tx, id: string) { return id; }" },
    { code: "function local(ctx: Ctx) { return 1; }" },
    { code: "export function f({ ctx }: { ctx: Ctx }) { mayInvest(ctx); }", options: [{ extraGuards: ["mayInvest"] }] },
  ],
  invalid: [
    { code: "export async function f({ ctx, input }: { ctx: Ctx; input: unknown }) { const x = 1; requireRole(ctx); }", errors: [{ messageId: "missing" }] },
    { code: "export async function f(ctx: Ctx) { return dbOf(ctx); }", errors: [{ messageId: "missing" }] },
    { code: "export const f = (id: string, opts: { ctx?: Ctx } = {}) => run(id);", errors: [{ messageId: "missing" }] },
    { code: "type Options = { ctx?: Ctx; size?: number };\nexport async function f(id: string, opts: Options = {}) { return id; }", errors: [{ messageId: "missing" }] },
    { code: "async function g({ ctx }: { ctx: Ctx }) { return 1; }\nexport { g };", errors: [{ messageId: "missing" }] },
    { code: "export async function f({ ctx }: { ctx: Ctx }) { if (!ctx) return; requireUser(ctx); }", errors: [{ messageId: "missing" }] },
  ],
});

tester.run("verb-signature", rules["verb-signature"], {
  valid: [
    { code: "export async function f({ ctx, input }: { ctx: Ctx; input: unknown }) {}" },
    { code: "export async function f({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {}" },
    { code: "export async function f({ ctx }: { ctx: Ctx }) {}" },
    { code: "export async function f(tx: Tx, userId: string) {}" },
    { code: "export async function old(ctx: Ctx, id: string) {}", options: [{ notYetConverted: ["old"] }] },
  ],
  invalid: [
    { code: "export async function f(ctx: Ctx, id: string) {}", errors: [{ messageId: "shape" }] },
    { code: "export async function f({ ctx, page, pageSize }: { ctx: Ctx; page?: unknown; pageSize?: unknown }) {}", errors: [{ messageId: "shape" }] },
    { code: "export async function f(tx: Tx, ctx: Ctx, items: unknown[]) {}", errors: [{ messageId: "shape" }] },
    { code: "export async function f({ ctx, loanId }: { ctx: Ctx; loanId: string }) {}", errors: [{ messageId: "shape" }] },
  ],
});

tester.run("tx-helpers-internal", rules["tx-helpers-internal"], {
  valid: [
    { code: "export async function lockLoan(tx: Tx, id: string) {}", filename: at("lib/loans/internal.ts") },
    { code: "export async function lockLoan(tx: Tx, id: string) {}", filename: at("lib/loans/internal/store.ts") },
    { code: "export async function f({ ctx }: { ctx: Ctx }) {}", filename: at("lib/loans/queries.ts") },
    { code: "async function lockLoan(tx: Tx, id: string) {}", filename: at("lib/loans/queries.ts") },
    { code: "export async function seed(db: DbOrTx) {}", filename: at("lib/loans/test-helpers.ts") },
  ],
  invalid: [
    { code: "export async function lockLoan(tx: Tx, id: string) {}", filename: at("lib/loans/store.ts"), errors: [{ messageId: "move" }] },
    { code: "export const read = (db: DbOrTx) => db;", filename: at("lib/wallet/balances.ts"), errors: [{ messageId: "move" }] },
    { code: "export async function write(t: Tx) {}", filename: at("lib/ledger/transfer.ts"), errors: [{ messageId: "move" }] },
  ],
});

tester.run("domain-door", rules["domain-door"], {
  valid: [
    { code: "import { invest } from '@/lib/loans';", filename: at("lib/lending/cart.ts") },
    { code: "import { x } from './store';", filename: at("lib/loans/invest.ts") },
    { code: "import { x } from '@/lib/loans/store';", filename: at("lib/loans/invest.ts") },
    { code: "import { now } from '@/lib/clock';", filename: at("lib/loans/invest.ts") },
    { code: "import { StrategyInput } from '@/lib/autopurchase/schemas';", filename: at("lib/loans/invest.ts") },
    { code: "import { formatRupiah } from '@/lib/money/format';", filename: at("lib/loans/invest.ts") },
    { code: "import { enqueue } from '@/lib/jobs/boss';", filename: at("lib/loans/invest.ts") },
    { code: "import { seedLoan } from '@/lib/loans/test-helpers';", filename: at("lib/lending/cart.test.ts") },
    { code: "import { x } from '@/lib/loans/store';", filename: at("app/api/x/route.ts") },
    // DOOR_CYCLE_PAIRS: domains that use each other at run time import each other directly, both ways.
    { code: "import { lockLoan } from '@/lib/loans/internal/store';", filename: at("lib/payments/payment-links.ts") },
    { code: "import { matchLoan } from '@/lib/autopurchase/match';", filename: at("lib/loans/invest.ts") },
    // lib/auth/index.ts is the Auth.js instance, not a door.
    { code: "import { requireRecentAuth } from '@/lib/auth/sessions';", filename: at("lib/wallet/withdrawals.ts") },
    // Client-safe modules take pure modules directly, never a door with server code behind it.
    { code: "import { SUBGRADES } from '@/lib/loans/grades';", filename: at("lib/autopurchase/schemas.ts") },
  ],
  invalid: [
    { code: "import { lockLoan } from '@/lib/loans/internal/store';", filename: at("lib/wallet/withdrawals.ts"), errors: [{ messageId: "deep" }] },
    { code: "import type { Loan } from '@/lib/loans/views';", filename: at("lib/kyc/review.ts"), errors: [{ messageId: "deep" }] },
    { code: "import { x } from '@/lib/loans/grades';", filename: at("lib/gold/buy.ts"), errors: [{ messageId: "deep" }] },
    { code: "import { transfer } from '../ledger/transfer';", filename: at("lib/wallet/withdrawals.ts"), errors: [{ messageId: "deep" }] },
    { code: "export { transfer } from '@/lib/ledger/transfer';", filename: at("lib/wallet/index.ts"), errors: [{ messageId: "deep" }] },
    { code: "const m = await import('@/lib/gold/run-recurring');", filename: at("lib/wallet/history.ts"), errors: [{ messageId: "deep" }] },
    // Pairs that left DOOR_CYCLE_PAIRS use the door like everyone else.
    { code: "import { lockLoan } from '@/lib/loans/internal/store';", filename: at("lib/lending/cart.ts"), errors: [{ messageId: "deep" }] },
    { code: "import type { TimeJumpHook } from '@/lib/system/time-jump';", filename: at("lib/gold/time-jump.ts"), errors: [{ messageId: "deep" }] },
    { code: "import { ensureLoanDefaults } from '@/lib/loans/internal/defaults';", filename: at("lib/system/boot.ts"), errors: [{ messageId: "deep" }] },
  ],
});

tester.run("no-internal-import", rules["no-internal-import"], {
  valid: [
    { code: "import { invest } from '@/lib/loans';", filename: at("app/lender/actions.ts") },
    { code: "import { x } from '@/lib/loans/internals-guide';", filename: at("components/x.tsx") },
  ],
  invalid: [
    { code: "import { lockLoan } from '@/lib/loans/internal';", filename: at("app/lender/actions.ts"), errors: [{ messageId: "internal" }] },
    { code: "import { lockLoan } from '@/lib/loans/internal/store';", filename: at("components/loans/x.tsx"), errors: [{ messageId: "internal" }] },
    { code: "import { x } from './internal.ts';", filename: at("app/api/_lib/x.ts"), errors: [{ messageId: "internal" }] },
  ],
});
