import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { installments, loanApplications, loanProducts, loans, users, type Role } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/internal/users";
import { now, setNow } from "@/lib/clock";
import { systemCtx, userCtx, type Ctx } from "@/lib/context";
import { trackMany } from "@/lib/engagement/internal/track";
import { startJobQueue } from "@/lib/jobs/boss";
import { ensurePlatformAccount, ensureUserAccount, transfer } from "@/lib/ledger";
import { recordVerifiedLenderFixture } from "@/lib/kyc/internal/verified-lender";
import { saveApplicationStep, submitApplication, uploadApplicationDocument } from "@/lib/loans/applications";
import { ensureLoanDefaults } from "@/lib/loans/internal/defaults";
import { acceptAgreement, disburseLoan } from "@/lib/loans/disburse";
import { invest } from "@/lib/loans/invest";
import { repayFromWallet } from "@/lib/loans/repay";
import { approveApplication, askForInformation } from "@/lib/loans/review";
import { runServicing } from "@/lib/loans/servicing";
import { SUBGRADES } from "@/lib/loans/grades";

/**
 * Demo loans, made by the real verbs: the demo borrower's four loans in different states (backdated
 * by pinning the clock while they happen, so schedules and payments fall on real past dates), and a
 * marketplace of listed loans from extra borrowers across products, grades and tenors. Idempotent:
 * skipped when the demo borrower already has an application.
 */
const DAY = 86_400_000;
const PDF = new TextEncoder().encode("%PDF-1.4\n% Lumbung demo document\n%%EOF\n");
type ProductCode = "modal-usaha" | "invoice-financing" | "paylater-bisnis";

const EXTRA_LENDERS = ["Rina Wijaya", "Agus Pratama", "Dewi Anggraini"];
/**
 * What each extra borrower writes as the purpose, in Indonesian as an Indonesian SME owner would: one
 * per product (working capital, an invoice to finance, stock on paylater).
 */
const PURPOSES: Record<string, [string, string, string]> = {
  manufacturing: ["Bahan baku untuk pesanan menjelang Lebaran", "Menalangi tagihan ke toko grosir di Jakarta", "Membeli kain dan benang untuk produksi bulan depan"],
  trade: ["Menambah stok barang dagangan", "Menalangi tagihan ke toko mitra", "Belanja stok sembako untuk akhir bulan"],
  logistics: ["Servis dan ban baru untuk armada truk", "Menalangi tagihan pengiriman ke pelanggan korporat", "Bahan bakar dan tol untuk rute baru"],
  food_beverage: ["Peralatan dapur untuk cabang baru", "Menalangi tagihan pesanan katering kantor", "Stok bahan baku untuk pesanan hari raya"],
  agriculture: ["Bibit dan pupuk untuk musim tanam", "Menalangi tagihan panen ke pengepul", "Sewa alat panen untuk musim ini"],
  services: ["Peralatan kebersihan untuk kontrak baru", "Menalangi tagihan jasa ke gedung perkantoran", "Seragam dan perlengkapan karyawan baru"],
  construction: ["Material bangunan untuk proyek perumahan", "Menalangi termin proyek renovasi sekolah", "Sewa alat berat untuk proyek jalan desa"],
};

const EXTRA_BORROWERS: [string, string, string][] = [
  ["Siti Rahma", "CV Batik Pekalongan", "manufacturing"],
  ["Joko Susilo", "UD Sembako Makmur", "trade"],
  ["Wayan Putra", "CV Bali Logistik", "logistics"],
  ["Maria Tan", "PT Roti Sehat", "food_beverage"],
  ["Andi Saputra", "CV Tani Subur", "agriculture"],
  ["Lina Marlina", "CV Jasa Bersih", "services"],
  ["Hendra Gunawan", "UD Bangun Jaya", "construction"],
  ["Yuni Kartika", "CV Kopi Gayo", "food_beverage"],
  ["Rudi Hartono", "UD Elektronik Jaya", "trade"],
  ["Fitri Handayani", "CV Konveksi Bunda", "manufacturing"],
];

async function ensureUser(db: Db, passwordHash: string, email: string, role: Role, fullName: string, company?: [string, string]) {
  const existing = await findUserByEmail(db, email);
  if (existing) return existing;
  const at = now();
  const [user] = await db
    .insert(users)
    .values({ email, passwordHash, role, fullName, phone: "081200000000", locale: "id", companyName: company?.[0] ?? null, businessSector: company?.[1] ?? null, acquisition: { source: "seed", medium: "demo" }, createdAt: at, updatedAt: at })
    .returning();
  await trackMany(db, [{ name: "user_signed_up", userId: user!.id, properties: { role, locale: "id", acquisitionSource: "seed" } }]);
  return user!;
}

async function creditCash(db: Db, userId: string, amount: bigint, tag: string) {
  const clearing = await ensurePlatformAccount(db, "gateway_clearing");
  const cash = await ensureUserAccount(db, userId, "user_cash");
  await transfer(db, { debit: clearing.id, credit: cash.id, amount, unit: "IDR", kind: "topup", idempotencyKey: `seed:credit:${userId}:${tag}`, reference: { type: "seed", id: userId }, metadata: { demo: true } });
}

type Apply = { product: ProductCode; amount: bigint; tenor: number; legalName: string; sector: string; purpose: string; years?: number };

async function apply(db: Db, ctx: Ctx, products: Map<string, string>, a: Apply): Promise<string> {
  const { applicationId } = await saveApplicationStep({
    ctx,
    input: { step: "business", data: { legalName: a.legalName, nib: "8120000123456", npwp: "01.234.567.8-901.000", sector: a.sector, city: "Jakarta", yearsOperating: a.years ?? 5, employees: 8 } },
  });
  await saveApplicationStep({ ctx, input: { applicationId, step: "financials", data: { monthlyRevenue: String(a.amount * 3n), monthlyExpenses: String(a.amount), existingLoans: "0", otherPlatforms: 0 } } });
  await saveApplicationStep({ ctx, input: { applicationId, step: "loan", data: { productId: products.get(a.product)!, amount: a.amount.toString(), tenor: a.tenor, purpose: a.purpose } } });
  await uploadApplicationDocument({ ctx, input: { applicationId, kind: "id", fileName: "ktp.pdf", bytes: PDF } });
  await uploadApplicationDocument({ ctx, input: { applicationId, kind: "bank_statement", fileName: "rekening-koran.pdf", bytes: PDF } });
  await saveApplicationStep({ ctx, input: { applicationId, step: "documents", data: {} } });
  await submitApplication({ ctx, input: { applicationId } });
  void db;
  return applicationId;
}

/**
 * One borrower per loan state, so the borrower dashboard and the loan page can be seen (and tested)
 * in each: `borrower-funding@` (a loan 40 % funded by hand, more by
 * the seeded auto-purchase strategies), `borrower-late@` (first installment about two weeks
 * overdue, with late fees), `borrower-default@` (about 120 days past due: default), `borrower-waiting@`
 * (an application the reviewer asked about, a funded loan whose agreement waits, and a draft).
 * Late fees and the default come from the servicing run at the end of seedLoans, day by day.
 */
export const DEMO_STATE_BORROWERS = {
  funding: { email: "borrower-funding@lumbung.test", name: "Ayu Lestari", company: "CV Tenun Lestari", sector: "manufacturing" },
  late: { email: "borrower-late@lumbung.test", name: "Budi Santoso", company: "UD Warung Santoso", sector: "trade" },
  default: { email: "borrower-default@lumbung.test", name: "Dedi Kurniawan", company: "CV Mebel Kurnia", sector: "manufacturing" },
  waiting: { email: "borrower-waiting@lumbung.test", name: "Sri Wahyuni", company: "CV Katering Wahyuni", sector: "food_beverage" },
} as const;

type StateSeed = { products: Map<string, string>; adminCtx: Ctx; lenderCtxs: Ctx[]; realNow: Date };

async function seedLoanStates(db: Db, passwordHash: string, { products, adminCtx, lenderCtxs, realNow }: StateSeed): Promise<void> {
  const who = async (k: keyof typeof DEMO_STATE_BORROWERS) => {
    const b = DEMO_STATE_BORROWERS[k];
    const u = await ensureUser(db, passwordHash, b.email, "borrower", b.name, [b.company, b.sector]);
    return { ctx: userCtx(u.id, "borrower"), b };
  };
  const fundFully = async (loanId: string, amount: bigint, tag: string) => {
    const parts = [amount / 2n, amount / 4n, amount - amount / 2n - amount / 4n];
    for (const [i, part] of parts.entries()) await invest({ ctx: lenderCtxs[i % lenderCtxs.length]!, input: { loanId, amount: part.toString(), idempotencyKey: `seed-state-${tag}-${i}` } });
  };
  const list = async (ctx: Ctx, b: (typeof DEMO_STATE_BORROWERS)[keyof typeof DEMO_STATE_BORROWERS], a: Omit<Apply, "legalName" | "sector">) => {
    const applicationId = await apply(db, ctx, products, { ...a, legalName: b.company, sector: b.sector });
    return (await approveApplication({ ctx: adminCtx, input: { applicationId } })).loanId;
  };
  const disbursedAt = async (daysAgo: number, ctx: Ctx, b: (typeof DEMO_STATE_BORROWERS)[keyof typeof DEMO_STATE_BORROWERS], a: Omit<Apply, "legalName" | "sector">, tag: string) => {
    setNow(new Date(realNow.getTime() - daysAgo * DAY));
    const loanId = await list(ctx, b, a);
    await acceptAgreement({ ctx, input: { loanId } });
    await fundFully(loanId, a.amount, tag);
    await disburseLoan({ ctx: systemCtx("seed"), input: { loanId } });
  };
  try {
    // Late: Modal Usaha, 6 months, disbursed 45 days ago and nothing paid (installment 1 is about two weeks late).
    const late = await who("late");
    await disbursedAt(45, late.ctx, late.b, { product: "modal-usaha", amount: 30_000_000n, tenor: 6, purpose: "Tambah stok sembako untuk warung kedua" }, "late");
    // Default: Paylater Bisnis, 2 months, disbursed 150 days ago and nothing paid (about 120 days past due).
    const def = await who("default");
    await disbursedAt(150, def.ctx, def.b, { product: "paylater-bisnis", amount: 10_000_000n, tenor: 2, purpose: "Bahan baku kayu jati untuk pesanan hotel" }, "default");
    // In funding since two days ago, 40 % funded.
    setNow(new Date(realNow.getTime() - 2 * DAY));
    const funding = await who("funding");
    const listed = await list(funding.ctx, funding.b, { product: "modal-usaha", amount: 50_000_000n, tenor: 12, purpose: "Mesin tenun kedua untuk pesanan ekspor" });
    await invest({ ctx: lenderCtxs[0]!, input: { loanId: listed, amount: "12000000", idempotencyKey: "seed-state-funding-0" } });
    await invest({ ctx: lenderCtxs[1]!, input: { loanId: listed, amount: "8000000", idempotencyKey: "seed-state-funding-1" } });
    // Waiting on the borrower: a funded loan whose agreement is not accepted yet, a question from the reviewer, a draft.
    setNow(new Date(realNow.getTime() - DAY));
    const waiting = await who("waiting");
    const offer = await list(waiting.ctx, waiting.b, { product: "paylater-bisnis", amount: 10_000_000n, tenor: 3, purpose: "Peralatan dapur untuk katering kantor" });
    await fundFully(offer, 10_000_000n, "offer");
  } finally {
    setNow(null);
  }
  const waiting = await who("waiting");
  const asked = await apply(db, waiting.ctx, products, { product: "invoice-financing", amount: 20_000_000n, tenor: 30, legalName: waiting.b.company, sector: waiting.b.sector, purpose: "Tagihan katering ke kantor pemerintah, dibayar 30 hari" });
  await askForInformation({ ctx: adminCtx, input: { applicationId: asked, question: "Mohon unggah kontrak katering dengan kantor tersebut." } });
  await saveApplicationStep({
    ctx: waiting.ctx,
    input: { step: "business", data: { legalName: waiting.b.company, nib: "8120000123456", npwp: "01.234.567.8-901.000", sector: waiting.b.sector, city: "Surabaya", yearsOperating: 4, employees: 6 } },
  });
}

export async function seedLoans(db: Db, passwordHash: string): Promise<void> {
  await ensureLoanDefaults(db);
  const borrower = await findUserByEmail(db, "borrower@lumbung.test");
  const lender = await findUserByEmail(db, "lender@lumbung.test");
  const admin = await findUserByEmail(db, "admin@lumbung.test");
  if (!borrower || !lender || !admin) return;
  const [started] = await db.select({ id: loanApplications.id }).from(loanApplications).where(eq(loanApplications.borrowerId, borrower.id)).limit(1);
  if (started) return;

  // Verbs enqueue jobs in their transactions; pg-boss must be up first (on PGlite it shares the connection).
  await startJobQueue();
  const products = new Map((await db.select({ id: loanProducts.id, code: loanProducts.code }).from(loanProducts)).map((p) => [p.code, p.id]));
  const adminCtx = userCtx(admin.id, "admin");
  const borrowerCtx = userCtx(borrower.id, "borrower");
  const lenderCtxs = [userCtx(lender.id, "lender")];
  for (const [i, name] of EXTRA_LENDERS.entries()) {
    const u = await ensureUser(db, passwordHash, `lender${i + 2}@lumbung.test`, "lender", name);
    lenderCtxs.push(userCtx(u.id, "lender"));
    // The extra marketplace lenders are verified as a fixture; the demo lender went through the real KYC.
    await recordVerifiedLenderFixture(db, u.id);
  }
  for (const ctx of lenderCtxs) await creditCash(db, (ctx.actor as { userId: string }).userId, 2_000_000_000n, "initial");
  await creditCash(db, borrower.id, 5_000_000n, "initial");

  const realNow = now();
  let seq = 0;
  const fund = async (loanId: string, amounts: bigint[]) => {
    for (const [i, amount] of amounts.entries()) {
      await invest({ ctx: lenderCtxs[i % lenderCtxs.length]!, input: { loanId, amount: amount.toString(), idempotencyKey: `seed-invest-${loanId}-${i}` } });
    }
  };
  const listDemo = async (a: Omit<Apply, "legalName" | "sector">) => {
    const applicationId = await apply(db, borrowerCtx, products, { ...a, legalName: "CV Kopi Nusantara", sector: "food_beverage" });
    return (await approveApplication({ ctx: adminCtx, input: { applicationId } })).loanId;
  };
  const payAt = async (loanId: string, number: number) => {
    const [inst] = await db.select().from(installments).where(and(eq(installments.loanId, loanId), eq(installments.number, number)));
    if (!inst) {
      throw new Error(`seed: loan ${loanId} has no installment ${number}: ${JSON.stringify(await db.select({ s: loans.status, f: loans.fundedAmount, a: loans.agreementAcceptedAt, p: loans.principal }).from(loans).where(eq(loans.id, loanId)), (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
    }
    setNow(new Date(inst.dueDate.getTime() - 2 * 3_600_000));
    await repayFromWallet({ ctx: borrowerCtx, input: { loanId, idempotencyKey: `seed-repay-${loanId}-${number}-${++seq}` } });
  };

  try {
    // Repaid: Paylater Bisnis, 2 months, disbursed 100 days ago.
    setNow(new Date(realNow.getTime() - 100 * DAY));
    const repaid = await listDemo({ product: "paylater-bisnis", amount: 10_000_000n, tenor: 2, purpose: "Stok biji kopi untuk musim panen" });
    await fund(repaid, [4_000_000n, 3_000_000n, 2_000_000n, 1_000_000n]);
    await acceptAgreement({ ctx: borrowerCtx, input: { loanId: repaid } });
    await payAt(repaid, 1);
    await payAt(repaid, 2);
    // Active, first installment paid: Modal Usaha, 6 months, disbursed 40 days ago.
    setNow(new Date(realNow.getTime() - 40 * DAY));
    const active = await listDemo({ product: "modal-usaha", amount: 50_000_000n, tenor: 6, purpose: "Mesin sangrai kedua untuk menggandakan produksi" });
    await acceptAgreement({ ctx: borrowerCtx, input: { loanId: active } });
    await fund(active, [20_000_000n, 15_000_000n, 10_000_000n, 5_000_000n]);
    // Accepted before it filled: the loans.disburse job would do this; the seed cannot wait for it.
    await disburseLoan({ ctx: systemCtx("seed"), input: { loanId: active } });
    await payAt(active, 1);
    // Listed and funding since yesterday.
    setNow(new Date(realNow.getTime() - DAY));
    const listed = await listDemo({ product: "modal-usaha", amount: 100_000_000n, tenor: 12, purpose: "Membuka kafe kedua di Bandung" });
    await fund(listed, [5_000_000n, 20_000_000n, 10_000_000n]);
  } finally {
    setNow(null);
  }
  // In review: submitted today.
  await apply(db, borrowerCtx, products, { product: "invoice-financing", amount: 30_000_000n, tenor: 60, legalName: "CV Kopi Nusantara", sector: "food_beverage", purpose: "Tagihan ke jaringan hotel, dibayar dalam 60 hari" });

  await seedLoanStates(db, passwordHash, { products, adminCtx, lenderCtxs, realNow });

  // The marketplace: three loans from each extra borrower, across products, grades and tenors.
  const plans: [ProductCode, number[], bigint[]][] = [
    ["modal-usaha", [3, 6, 9, 12, 18, 24], [25_000_000n, 50_000_000n, 75_000_000n, 150_000_000n]],
    ["invoice-financing", [30, 45, 60, 90], [20_000_000n, 40_000_000n, 80_000_000n]],
    ["paylater-bisnis", [2, 3, 4, 6], [5_000_000n, 10_000_000n, 20_000_000n]],
  ];
  let n = 0;
  for (const [i, [name, company, sector]] of EXTRA_BORROWERS.entries()) {
    const u = await ensureUser(db, passwordHash, `borrower${i + 2}@lumbung.test`, "borrower", name, [company, sector]);
    const ctx = userCtx(u.id, "borrower");
    for (const [k, [product, tenors, amounts]] of plans.entries()) {
      n++;
      const applicationId = await apply(db, ctx, products, { product, amount: amounts[n % amounts.length]!, tenor: tenors[n % tenors.length]!, legalName: company, sector, purpose: PURPOSES[sector]?.[k] ?? `Modal kerja untuk ${company}`, years: 1 + (n % 8) });
      const subgrade = SUBGRADES[(n * 7) % SUBGRADES.length]!;
      const { loanId } = await approveApplication({ ctx: adminCtx, input: { applicationId, subgrade } });
      const amount = amounts[n % amounts.length]!;
      // Some untouched, some partly funded, so the funded % varies.
      if (n % 3 !== 0) await fund(loanId, [((amount * BigInt(n % 3) * 30n) / 100n / 100_000n) * 100_000n].filter((x) => x > 0n));
    }
  }
  await runServicing({ ctx: systemCtx("seed") });
}
