import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% Lumbung e2e document\n") });
const png = (name: string) => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000a49444154789c6300010000050001" + "0d0a2db40000000049454e44ae426082", "hex"),
});

test("a borrower applies with documents, an admin approves, a lender funds it, the borrower accepts, is disbursed and pays the first installment", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "borrower@lumbung.test");
  await page.getByRole("navigation", { name: "Borrower navigation" }).getByRole("link", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply for financing" })).toBeVisible();

  // Step 1: business (a wrong NIB first: a field error, nothing lost).
  await page.getByLabel("Legal business name").fill("CV Uji Peramban");
  await page.getByLabel("NIB (business identification number)").fill("123");
  await page.getByLabel("NPWP (tax number)").fill("01.234.567.8-901.000");
  await page.getByLabel("Sector").selectOption("food_beverage");
  await page.getByLabel("City").fill("Bandung");
  await page.getByLabel("Years operating").fill("5");
  await page.getByLabel("Employees").fill("12");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("A NIB has 13 digits.")).toBeVisible();
  await expect(page.getByLabel("Legal business name")).toHaveValue("CV Uji Peramban");
  await page.getByLabel("NIB (business identification number)").fill("1234567890123");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 2: financials.
  await expect(page.getByLabel("Monthly revenue (Rp)")).toBeVisible();
  await page.getByLabel("Monthly revenue (Rp)").fill("150000000");
  await page.getByLabel("Monthly expenses (Rp)").fill("90000000");
  await page.getByLabel("Existing loans outstanding (Rp)").fill("0");
  await page.getByLabel("Other lending platforms you owe to").fill("0");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 3: the loan.
  await expect(page.getByLabel("Product")).toBeVisible();
  await page.getByLabel("Product").selectOption({ label: "Paylater Bisnis" });
  await page.getByLabel("Amount (Rp)").fill("5000000");
  await page.getByLabel("Tenor").fill("3");
  // The estimate from the product's pricing: a rate range and what is paid, before anything is saved.
  const estimate = page.getByRole("region", { name: "Estimated rate and installment" });
  await expect(estimate.getByText("Interest rate (per year)")).toBeVisible();
  await expect(estimate).toContainText(/\d+\.\d{2}%/);
  await expect(estimate).toContainText(/You receive\s*Rp\s?[\d,]+/);
  await page.getByLabel("What is the money for?").fill("Stock of coffee beans for the holiday season");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 4: documents, type checked by content.
  await expect(page.getByLabel("Bank statements (last 3 months)", { exact: true })).toBeVisible();
  await page.getByLabel("Bank statements (last 3 months)", { exact: true }).setInputFiles(pdf("statements.pdf"));
  await page.getByRole("button", { name: "Upload Bank statements (last 3 months)" }).click();
  await expect(page.getByText("✓ statements.pdf")).toBeVisible();
  await page.getByLabel("Business licence", { exact: true }).setInputFiles(pdf("nib.pdf"));
  await page.getByRole("button", { name: "Upload Business licence" }).click();
  await expect(page.getByText("✓ nib.pdf")).toBeVisible();
  await page.getByLabel("Owner's ID card (KTP)", { exact: true }).setInputFiles(png("ktp.png"));
  await page.getByRole("button", { name: "Upload Owner's ID card (KTP)" }).click();
  await expect(page.getByText("✓ ktp.png")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 5: review everything that will be submitted, documents included, then submit.
  await expect(page.getByRole("region", { name: "Business", exact: true })).toContainText("CV Uji Peramban");
  await expect(page.getByRole("region", { name: "Financials", exact: true })).toContainText(/Rp\s?150,000,000/);
  await expect(page.getByRole("region", { name: "Loan", exact: true })).toContainText("Stock of coffee beans for the holiday season");
  const documents = page.getByRole("region", { name: "Documents", exact: true });
  for (const file of ["statements.pdf", "nib.pdf", "ktp.png"]) await expect(documents).toContainText(file);
  await expect(page.getByRole("link", { name: "Edit Documents" })).toBeVisible();
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My loans" })).toBeVisible();
  await signOut(page);

  // The admin reviews and approves.
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/loans");
  await page.getByRole("link", { name: "Open CV Uji Peramban" }).first().click();
  await expect(page.getByRole("heading", { name: "Scorecard" })).toBeVisible();
  await expect(page.getByRole("link", { name: /statements\.pdf/ })).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved and listed on the marketplace.")).toBeVisible();
  await signOut(page);

  // A lender funds the whole loan.
  await signIn(page, "lender@lumbung.test");
  await page.goto("/lender/marketplace?sort=newest");
  await page.getByRole("link", { name: "CV Uji Peramban" }).first().click();
  const label = /CV Uji Peramban · Paylater Bisnis Rp\s?5,000,000/;
  await page.getByLabel(new RegExp(`Amount to invest in ${label.source}`)).first().fill("5000000");
  await page.getByRole("button", { name: new RegExp(`Invest in ${label.source}`) }).first().click();
  await page.getByRole("dialog", { name: "Confirm investment" }).getByRole("button", { name: "Invest" }).click();
  await expect(page.getByText("Investment reserved.")).toBeVisible();
  await signOut(page);

  // The borrower accepts the agreement, is disbursed, and pays the first installment.
  await signIn(page, "borrower@lumbung.test");
  await page.goto("/borrower/loans");
  await page.getByRole("link", { name: /View Rp\s?5,000,000/ }).first().click();
  await expect(page.getByRole("heading", { name: "Loan agreement" })).toBeVisible();
  await page.getByRole("button", { name: "I accept the agreement" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "I accept the agreement" }).click();
  await expect(page.getByText("Agreement accepted. The money is on its way to your wallet.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Repayment schedule" })).toBeVisible();
  const schedule = page.getByRole("table", { name: "Repayment schedule" });
  await expect(schedule.getByRole("row")).toHaveCount(4);
  await page.getByRole("button", { name: /Pay from wallet/ }).click();
  await page.getByRole("dialog", { name: "Pay from your wallet" }).getByRole("button", { name: "Pay" }).click();
  await expect(page.getByText("Payment received. Thank you!")).toBeVisible();
  await expect(schedule.getByRole("row").nth(1)).toContainText("Paid");
  await expect(schedule.getByRole("row").nth(2)).not.toContainText("Paid");
});
