import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs/promises";
import { signIn, signOut, uniqueEmail } from "./helpers";

async function setWithdrawalFee(page: Page, fee: string) {
  await page.goto("/admin/withdrawals");
  await page.getByLabel("Fee per withdrawal (Rp)").fill(fee);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
}

test("a lender tops up through the sandbox gateway, withdraws, an admin approves, history and CSV show every movement", async ({ page }) => {
  // An admin sets a withdrawal fee, so the withdrawal shows as two movements (amount and fee).
  await signIn(page, "admin@lumbung.test");
  await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
  await setWithdrawalFee(page, "2500");
  await signOut(page);

  const email = uniqueEmail("wallet");
  await page.goto("/sign-up/lender");
  await page.getByLabel("Full name").fill("Rina Wijaya");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile phone").fill("081277778888");
  await page.getByLabel("Password").fill("rahasia-sekali-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();

  await page.getByRole("link", { name: "Wallet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();

  // Bad input is refused with a field error.
  await page.getByLabel("Amount (Rp)").fill("5000");
  await page.getByRole("button", { name: "Create payment" }).click();
  await expect(page.getByText("The amount is below the minimum.")).toBeVisible();

  await page.getByLabel("Bank").first().selectOption("BCA");
  await page.getByLabel("Amount (Rp)").fill("1000000");
  await page.getByRole("button", { name: "Create payment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Top-up Rp\s?1,000,000/ })).toBeVisible();
  await expect(page.getByTestId("va-number")).toHaveText(/^\d{10,}$/);
  await expect(page.getByText("Waiting for payment", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Pay with the sandbox gateway" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox payment gateway" })).toBeVisible();
  await page.getByRole("button", { name: /Pay Rp\s?1,000,000/ }).click();
  await expect(page.getByText("Payment sent. The merchant has been notified.")).toBeVisible();
  await page.getByRole("link", { name: "Return to Lumbung" }).click();
  await expect(page.getByText("Paid. Your balance is updated.")).toBeVisible();

  await page.getByRole("link", { name: "Back to wallet" }).click();
  await expect(page.getByTestId("available-balance")).toHaveText(/Rp\s?1,000,000/);

  await page.getByLabel("Bank", { exact: true }).last().selectOption("BCA");
  await page.getByLabel("Account number").fill("1234 5678 90");
  await page.getByLabel("Account holder name").fill("Rina Wijaya");
  await page.getByRole("button", { name: "Add bank account" }).click();
  await expect(page.getByText("Bank account saved.")).toBeVisible();

  await page.getByLabel("To bank account").selectOption({ label: "BCA 1234567890 · Rina Wijaya" });
  await page.getByLabel("Amount (Rp)").last().fill("250000");
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm withdrawal" });
  await expect(dialog).toContainText(/Withdraw Rp\s?250,000 to BCA 1234567890/);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Withdrawal requested.")).toBeVisible();
  await expect(page.getByTestId("available-balance")).toHaveText(/Rp\s?747,500/);
  await expect(page.getByTestId("reserved-balance")).toHaveText(/Rp\s?252,500/);
  await signOut(page);

  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/withdrawals");
  await page.getByRole("button", { name: /Approve withdrawal of Rp\s?250,000 for Rina Wijaya/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Withdrawal approved and paid out.")).toBeVisible();
  await page.goto("/admin/ledger");
  await expect(page.getByText("All checks pass.")).toBeVisible();
  await setWithdrawalFee(page, "0");
  await signOut(page);

  await signIn(page, email, "rahasia-sekali-123");
  await page.getByRole("link", { name: "Wallet" }).click();
  await expect(page.getByTestId("reserved-balance")).toHaveText(/Rp\s?0/);
  const history = page.getByRole("table", { name: "History" });
  await expect(history.getByRole("row")).toHaveCount(4);
  await expect(history).toContainText("Top-up");
  await expect(history).toContainText(/[-−]Rp\s?250,000/);
  await expect(history).toContainText(/[-−]Rp\s?2,500/);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloadPromise;
  const csv = await fs.readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("Date,Type,Amount (Rp),Reference type,Reference ID,Transfer ID");
  expect(lines.slice(1).map((l) => l.split(",").slice(1, 3).join(",")).sort()).toEqual(["fee,-2500", "topup,1000000", "withdrawal,-250000"]);
});

test("a forged webhook is refused and credits nothing", async ({ request }) => {
  const response = await request.post("/api/payments/webhook", {
    data: JSON.stringify({ event: "payment.paid", reference: "SBX-FORGED", amount: "1000000", currency: "IDR", paid_at: new Date().toISOString() }),
    headers: { "content-type": "application/json", "x-sandbox-signature": "deadbeef", "x-sandbox-timestamp": String(Math.floor(Date.now() / 1000)) },
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
  const body = await response.json();
  expect(body.code).toMatch(/^webhook_/);
});
