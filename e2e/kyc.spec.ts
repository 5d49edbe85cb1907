import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, uniqueEmail } from "./helpers";

// A 1×1 PNG and a tiny PDF, made here rather than kept as fixture files.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
const png = (name: string) => ({ name, mimeType: "image/png", buffer: PNG });
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: PDF });

const STEPS = ["Identity", "Selfie", "KTP photo", "Address", "Occupation and income", "Bank account"];

async function save(page: Page, next: string, n: number) {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText(`Step ${n} of 7: ${next}`)).toBeVisible();
}

test.describe("e-KYC and risk check", () => {
  test("a new lender verifies, an admin approves every step, passes the risk check, tops up, checks out a cart of two loans, sees them in the portfolio, and is refused an over-limit investment with the figures", async ({ page }) => {
    const email = uniqueEmail("kyc");
    const password = "kata-sandi-rahasia";
    const name = "Rina Wijaya";

    await page.goto("/sign-up/lender");
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mobile phone").fill("081211112222");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();

    await page.getByRole("navigation", { name: "Lender navigation" }).getByRole("link", { name: "Verify identity" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verify your identity" })).toBeVisible();
    await expect(page.getByText("Step 1 of 7: Identity")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Verification progress" })).toHaveAttribute("aria-valuenow", "0");
    await expect(page.getByRole("listitem").filter({ hasText: "1. Identity" })).toHaveAttribute("aria-current", "step");

    // Identity: a NIK that does not match the sex is explained; then the right one.
    await page.getByLabel("Full name (as on KTP)").fill(name);
    await page.getByLabel("NIK", { exact: true }).fill("3175011705900001");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByLabel("Date of birth").fill("1990-05-17");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByText("The NIK does not match the sex you chose")).toBeVisible();
    await page.getByLabel("NIK", { exact: true }).fill("3175 0157 0590 0001");
    await save(page, "Selfie", 2);

    await page.getByLabel("Selfie photo").setInputFiles(png("selfie.png"));
    await save(page, "KTP photo", 3);

    // Leave and come back: resumes at the step where the lender stopped.
    await page.goto("/lender");
    await page.goto("/lender/kyc");
    await expect(page.getByText("Step 3 of 7: KTP photo")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Verification progress" })).toHaveAttribute("aria-valuenow", "2");

    await page.getByLabel("Photo of your KTP").setInputFiles(png("ktp.png"));
    await save(page, "Address", 4);

    await page.getByLabel("Street address").fill("Jl. Melati No. 12, RT 03/RW 05");
    await page.getByLabel("City or regency").fill("Jakarta Timur");
    await page.getByLabel("Province").fill("DKI Jakarta");
    await page.getByLabel("Postal code").fill("13220");
    await page.getByLabel("Proof of address").setInputFiles(pdf("bill.pdf"));
    await save(page, "Occupation and income", 5);

    await page.getByLabel("Occupation", { exact: true }).selectOption("employee");
    await page.getByLabel("Employer or business name (optional)").fill("PT Maju Jaya");
    await page.getByLabel("Declared annual income (Rp)").fill("120000000");
    await page.getByLabel("Proof of income").setInputFiles(pdf("payslip.pdf"));
    await save(page, "Bank account", 6);

    await page.getByLabel("Bank", { exact: true }).selectOption("BCA");
    await page.getByLabel("Account number").fill("1234567890");
    await page.getByLabel("Account holder name").fill(name);
    await save(page, "Review and submit", 7);

    await expect(page.getByText("3175015705900001")).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText(/Submitted on .* Our team usually reviews/)).toBeVisible();
    await expect(page.getByText("Under review", { exact: true })).toBeVisible();
    await signOut(page);

    // The admin reviews: photos and data side by side, every step approved.
    await signIn(page, "admin@lumbung.test");
    await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
    await page.getByRole("link", { name: "KYC reviews" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "KYC reviews" })).toBeVisible();
    await page.getByRole("link", { name: `Review ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `KYC review: ${name}` })).toBeVisible();
    const selfie = page.getByRole("img", { name: `${name}: Selfie photo` });
    await expect(selfie).toBeVisible();
    expect(await selfie.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    // Selfie and ID photo side by side (same row, selfie on the left) in one card.
    const ktp = page.getByRole("img", { name: `${name}: Photo of your KTP` });
    const [a, b] = [await selfie.boundingBox(), await ktp.boundingBox()];
    expect(a && b && Math.abs(a.y - b.y) < 4 && a.x + a.width <= b.x).toBe(true);
    for (const step of STEPS) {
      await page.getByRole("button", { name: `Approve ${step} for ${name}` }).click();
      await expect(page.getByRole("region", { name: step, exact: true }).getByText("Approved", { exact: true })).toBeVisible();
      // A decided step offers no decision any more.
      await expect(page.getByRole("button", { name: `Approve ${step} for ${name}` })).toHaveCount(0);
      await expect(page.getByRole("button", { name: `Reject ${step} for ${name}` })).toHaveCount(0);
    }
    await expect(page.getByText("Verified", { exact: true })).toBeVisible();
    await signOut(page);

    // The lender is verified and takes the risk check.
    await signIn(page, email, password);
    await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
    await page.getByRole("navigation", { name: "Lender navigation" }).getByRole("link", { name: "Verify identity" }).click();
    await expect(page.getByText("Verified", { exact: true })).toBeVisible();
    await expect(page.getByText("Your identity is verified.")).toBeVisible();
    await page.getByRole("link", { name: "Go to the risk check" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Risk disclosure and check" })).toBeVisible();
    await page.getByLabel("I have read and understood these risks.").check();
    await page.getByRole("button", { name: "Accept and continue" }).click();
    await expect(page.getByText(/^Accepted on /)).toBeVisible();

    const answer = (question: RegExp, option: string) => page.getByRole("group", { name: question }).getByLabel(option).check();
    await answer(/Is the money you lend on Lumbung guaranteed/, "Yes, it is insured by LPS like a bank deposit");
    await answer(/What happens if a borrower stops paying/, "Lumbung tries to collect, but I may receive less or nothing");
    await answer(/Can you take your money out of a loan/, "Usually not: it can stay locked until the loan matures");
    await answer(/What reduces the impact/, "Spreading my money over many loans");
    await page.getByRole("button", { name: "Check my answers" }).click();
    await expect(page.getByText("Not quite. Read the explanation and try again.")).toBeVisible();
    await expect(page.getByText(/Lending is not a deposit: LPS does not insure it/)).toBeVisible();

    await answer(/Is the money you lend on Lumbung guaranteed/, "No, I can lose part or all of it");
    await page.getByRole("button", { name: "Check my answers" }).click();
    await expect(page.getByText(/You passed the risk check on/)).toBeVisible();

    await page.goto("/lender");
    const card = page.getByRole("region", { name: "Verification" });
    await expect(card.getByText("Verified", { exact: true })).toBeVisible();
    await expect(card.getByText("passed", { exact: true })).toBeVisible();
    await expect(card.getByText(/Lender limit: Rp\s?12,000,000 outstanding at most \(10% of your declared annual income\)/)).toBeVisible();

    // From verified to a funded portfolio: top up through the sandbox gateway, two loans in the cart, checkout.
    await page.getByRole("navigation", { name: "Lender navigation" }).getByRole("link", { name: "Wallet" }).click();
    await page.getByLabel("Amount (Rp)").first().fill("2000000");
    await page.getByRole("button", { name: "Create payment" }).click();
    await page.getByRole("link", { name: "Pay with the sandbox gateway" }).click();
    await page.getByRole("button", { name: /Pay Rp\s?2,000,000/ }).click();
    await expect(page.getByText("Payment sent. The merchant has been notified.")).toBeVisible();
    await page.goto("/lender/wallet");
    await expect(page.getByTestId("available-balance")).toHaveText(/Rp\s?2,000,000/);

    await page.goto("/lender/marketplace");
    await page.getByLabel(/^Cart amount for/).first().fill("200000");
    await page.getByRole("button", { name: /^Add .* to cart$/ }).first().click();
    await expect(page.getByRole("link", { name: "Cart (1)" }).first()).toBeVisible();
    await page.getByLabel(/^Cart amount for/).nth(1).fill("300000");
    await page.getByRole("button", { name: /^Add .* to cart$/ }).nth(1).click();
    await expect(page.getByRole("link", { name: "Cart (2)" }).first()).toBeVisible();
    await page.getByRole("link", { name: "Cart (2)" }).first().click();
    await expect(page.getByTestId("cart-total")).toHaveText(/500,000/);
    await page.getByRole("button", { name: "Check out" }).click();
    await page.getByRole("dialog", { name: "Confirm checkout" }).getByRole("button", { name: "Invest now" }).click();
    await expect(page.getByText("2 invested, 0 not invested")).toBeVisible();

    await page.getByRole("link", { name: "Portfolio", exact: true }).click();
    const investments = page.getByRole("table", { name: "Investments" });
    await expect(investments.getByRole("row")).toHaveCount(3);
    await expect(investments).toContainText(/Rp\s?200,000/);
    await expect(investments).toContainText(/Rp\s?300,000/);
    await page.goto("/lender/wallet");
    await expect(page.getByTestId("available-balance")).toHaveText(/Rp\s?1,500,000/);

    // Rp12.000.000 more would bring the outstanding to Rp12.500.000: above the 10% limit, with the figures.
    await page.goto("/lender/marketplace");
    await page.getByRole("list", { name: "Loans open for funding" }).getByRole("link").first().click();
    await page.getByLabel(/^Amount to invest in/).first().fill("12000000");
    await page.getByRole("button", { name: /^Invest in / }).first().click();
    await page.getByRole("dialog", { name: "Confirm investment" }).getByRole("button", { name: "Invest" }).click();
    await expect(
      page.getByText(/This investment would bring your outstanding to Rp\s?12,500,000, above your limit of Rp\s?12,000,000 \(10% of your declared annual income\)/),
    ).toBeVisible();
  });
});
