import { expect, test, type Page } from "@playwright/test";
import { setLanguage, signIn, signOut } from "./helpers";

/**
 * Gold savings in the browser. The seed may already give the demo lender gold, so the checks are on
 * what changes (the held grams) and on the new trade rows, never on absolute totals.
 */

const gramsRe = /(\d[\d,]*\.\d{4}) g/;

/** "0.0223 g" (English display) → units of 0.0001 g. */
function unitsOf(text: string): bigint {
  const m = gramsRe.exec(text);
  if (!m) throw new Error(`no grams in ${text}`);
  const [whole, fraction] = m[1]!.replace(/,/g, "").split(".") as [string, string];
  return BigInt(whole) * 10_000n + BigInt(fraction);
}

function gramsOf(units: bigint): string {
  return `${units / 10_000n}.${(units % 10_000n).toString().padStart(4, "0")}`;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("gold", () => {
  test("a lender buys Rp50.000 of gold, sees the grams and value, sets an alert and sells half", async ({ page }) => {
    await signIn(page, "lender@lumbung.test");
    await page.getByRole("link", { name: "Gold", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Gold" })).toBeVisible();
    await expect(page.getByText("Verify your identity to trade gold")).toHaveCount(0);
    await expect(page.getByText(/^(▲ \+|▼ −)\d+\.\d{2}% \((up|down)\)$|^no change$/)).toBeVisible();
    const heldBefore = unitsOf((await page.getByTestId("gold-held").textContent()) ?? "");
    const valueBefore = await page.getByTestId("gold-value").textContent();

    // Buy Rp50.000 by rupiah amount.
    await page.getByRole("button", { name: "Buy gold" }).click();
    const buy = page.getByRole("dialog", { name: "Buy gold" });
    await expect(buy.getByText(/Price valid for \d+ s/)).toBeVisible();
    await expect(buy.getByRole("radio", { name: "Rupiah" })).toBeChecked();
    await buy.getByLabel("Amount to spend").fill("5000");
    await expect(buy.getByText("The smallest purchase is")).toBeVisible();
    await buy.getByLabel("Amount to spend").fill("50000");
    await expect(buy.getByText(/You pay Rp\s?50,000 and get 0\.\d{4} g\./)).toBeVisible();
    await expect(buy.getByText(/in Lumbung's favour|No rounding needed/)).toBeVisible();
    await buy.getByRole("button", { name: "Confirm purchase" }).click();
    const boughtToast = page.getByText(/You bought \d+\.\d{4} g for Rp\s?50,000\./);
    await expect(boughtToast).toBeVisible();
    const bought = unitsOf((await boughtToast.textContent()) ?? "");
    expect(bought).toBeGreaterThan(0n);
    await expect(buy).toBeHidden();

    // Holdings move by exactly what was bought, and the value with them.
    await expect(page.getByTestId("gold-held")).toHaveText(new RegExp(gramsOf(heldBefore + bought).replace(".", "\\.")));
    await expect(page.getByTestId("gold-value")).not.toHaveText(valueBefore ?? "");

    const history = page.getByRole("table", { name: "Trade history" });
    await expect(history.getByRole("row").filter({ hasText: "Buy" }).filter({ hasText: /Rp\s?50,000/ }).first()).toBeVisible();

    // A price alert.
    await page.getByLabel("Tell me when").selectOption("buy_below");
    await page.getByLabel("Alert price per gram").fill("1000000");
    await page.getByRole("button", { name: "Set alert" }).click();
    await expect(page.getByRole("list", { name: "Your price alerts" }).getByText(/Buy price below Rp\s?1,000,000\/g/)).toBeVisible();

    // Sell half of what was bought, by grams.
    const half = bought / 2n;
    await page.getByRole("button", { name: "Sell gold" }).click();
    const sell = page.getByRole("dialog", { name: "Sell gold" });
    await expect(sell.getByRole("radio", { name: "Grams" })).toBeChecked();
    await expect(sell.getByText(/Price valid for \d+ s/)).toBeVisible();
    await sell.getByLabel("Grams to sell").fill("99999");
    await expect(sell.getByText("That is more gold than you hold.")).toBeVisible();
    await expect(sell.getByRole("button", { name: "Confirm sale" })).toBeDisabled();
    await sell.getByLabel("Grams to sell").fill(gramsOf(half));
    await expect(sell.getByText(new RegExp(`You sell ${gramsOf(half).replace(".", "\\.")} g and receive Rp`))).toBeVisible();
    await sell.getByRole("button", { name: "Confirm sale" }).click();
    await expect(page.getByText(new RegExp(`You sold ${gramsOf(half).replace(".", "\\.")} g for Rp`))).toBeVisible();
    await expect(page.getByTestId("gold-held")).toHaveText(new RegExp(gramsOf(heldBefore + bought - half).replace(".", "\\.")));

    // Both trades in the history.
    await expect(history.getByRole("row").filter({ hasText: "Sell" }).filter({ hasText: `${gramsOf(half)} g` }).first()).toBeVisible();
    await expect(history.getByRole("row").filter({ hasText: "Buy" }).filter({ hasText: `${gramsOf(bought)} g` }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/api/v1/gold/trades.csv");
    const csv = await page.request.get("/api/v1/gold/trades.csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(",sell,");
    // The page's view event goes through /api/track, which accepts it as a client event.
    const tracked = await page.request.post("/api/track", { data: { events: [{ id: crypto.randomUUID(), name: "gold_price_viewed", properties: { path: "/lender/gold" } }] } });
    expect(tracked.ok()).toBe(true);
  });

  test("without approved KYC the prices are visible but trading is closed", async ({ page }) => {
    await signIn(page, "dewi@lumbung.test");
    await page.goto("/lender/gold");
    await expect(page.getByRole("heading", { name: /^(Verify your identity to trade gold|Verifikasi identitas Anda untuk bertransaksi emas)$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^(Verify identity|Verifikasi identitas)$/ }).last()).toHaveAttribute("href", "/lender/kyc");
    await expect(page.getByRole("button", { name: /^(Buy gold|Beli emas)$/ })).toBeDisabled();
    await expect(page.getByTestId("gold-buy-price")).toContainText("Rp");
  });

  test("a lender buys 1 g by grams and asks for a 1 g bar, confirming before the grams are reserved", async ({ page }) => {
    await signIn(page, "lender@lumbung.test");
    await page.goto("/lender/gold");
    await page.getByRole("button", { name: "Buy gold" }).click();
    const buy = page.getByRole("dialog", { name: "Buy gold" });
    await buy.getByRole("radio", { name: "Grams" }).check();
    await buy.getByLabel("Grams to buy").fill("1");
    await expect(buy.getByText(/You pay Rp\s?[\d,]+ and get 1\.0000 g\./)).toBeVisible();
    await buy.getByRole("button", { name: "Confirm purchase" }).click();
    await expect(page.getByText(/You bought 1\.0000 g for Rp/)).toBeVisible();

    const bars = page.getByRole("region", { name: "Physical gold bars" });
    await bars.getByLabel("Bar size").selectOption("1");
    await expect(bars.getByLabel("Bar size").locator("option:checked")).toHaveText(/1 g — fee Rp\s?[\d,]+, ready in \d+ days/);
    await bars.getByRole("button", { name: "Review request" }).click();
    await expect(bars.getByText("Enter the full delivery address.")).toBeVisible();
    await bars.getByLabel("Delivery address").fill("Jl. Malioboro No. 5, Yogyakarta 55271");
    await bars.getByRole("button", { name: "Review request" }).click();
    const confirm = page.getByRole("dialog", { name: "Reserve gold for bars?" });
    await expect(confirm.getByText(/Reserve 1\.0000 g now and pay a fee of Rp/)).toBeVisible();
    await confirm.getByRole("button", { name: "Reserve and request" }).click();
    await expect(page.getByText("Bar request sent; the grams are reserved.")).toBeVisible();
    const requests = page.getByRole("list", { name: "Your bar requests" });
    await expect(requests.getByRole("listitem")).toHaveCount(2);

    // Changed their mind: the newest request (first in the list) is cancelled; grams and fee come back.
    await requests.getByRole("listitem").first().getByRole("button", { name: "Cancel request for 1 × 1 g" }).click();
    const cancel = page.getByRole("dialog", { name: "Cancel this bar request?" });
    await expect(cancel.getByText(/1\.0000 g go back to your gold and the fee of Rp\s?[\d,]+ back to your cash\./)).toBeVisible();
    await cancel.getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByText("Request cancelled; the grams and the fee are back.")).toBeVisible();
    await expect(requests.getByRole("listitem").first().getByText("Cancelled")).toBeVisible();
    await expect(requests.getByRole("listitem").first().getByRole("button")).toHaveCount(0);
  });

  test("a recurring buy is created, edited, paused, resumed and deleted", async ({ page }) => {
    await signIn(page, "lender@lumbung.test");
    await page.goto("/lender/gold");
    await page.getByLabel("Amount per buy").fill("5000");
    await page.getByRole("button", { name: "Save recurring buy" }).click();
    await expect(page.getByText("The amount is below the minimum.")).toBeVisible();
    await page.getByLabel("Amount per buy").fill("250000");
    await page.getByLabel("How often").selectOption("monthly");
    await page.getByLabel("Day of the month").selectOption("15");
    await page.getByLabel("Time of day").selectOption("7");
    await page.getByRole("button", { name: "Save recurring buy" }).click();
    const first = "Rp250,000 on day 15 of each month at 07:00 WIB";
    await expect(page.getByText(first)).toBeVisible();
    // Edit: the form fills with the plan; saving changes amount and schedule.
    await page.getByRole("button", { name: `Edit: ${first}` }).click();
    await expect(page.getByRole("heading", { name: `Edit plan: ${first}` })).toBeVisible();
    await page.getByLabel("Amount per buy").fill("300000");
    await page.getByLabel("How often").selectOption("weekly");
    await page.getByLabel("Day of the week").selectOption("3");
    await page.getByLabel("Time of day").selectOption("10");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Recurring buy updated; the next run follows the new schedule.")).toBeVisible();
    const plan = "Rp300,000 every Wednesday at 10:00 WIB";
    await expect(page.getByText(plan)).toBeVisible();
    await expect(page.getByText(first)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "New recurring buy" })).toBeVisible();
    await page.getByRole("button", { name: `Pause: ${plan}` }).click();
    await expect(page.getByRole("button", { name: `Resume: ${plan}` })).toBeVisible();
    await page.getByRole("button", { name: `Resume: ${plan}` }).click();
    await expect(page.getByRole("button", { name: `Pause: ${plan}` })).toBeVisible();
    await page.getByRole("button", { name: `Delete: ${plan}` }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this recurring buy?" });
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText(plan)).toHaveCount(0);
  });

  test("the quote runs out: the dialog asks for a new price", async ({ page }) => {
    await page.clock.install();
    await signIn(page, "lender@lumbung.test");
    await page.goto("/lender/gold");
    await page.getByRole("button", { name: "Buy gold" }).click();
    const buy = page.getByRole("dialog", { name: "Buy gold" });
    await expect(buy.getByText(/Price valid for \d+ s/)).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(buy.getByText("This price has expired. Get a new price to continue.")).toBeVisible();
    await buy.getByRole("button", { name: "Get a new price" }).click();
    await expect(buy.getByText(/Price valid for \d+ s/)).toBeVisible();
    await buy.getByRole("button", { name: "Cancel" }).click();
  });

  test("the chart ranges switch, and All shows the history since 1990", async ({ page }) => {
    await signIn(page, "lender@lumbung.test");
    await page.goto("/lender/gold");
    const ranges = page.getByRole("group", { name: "Chart range" });
    const summary = page.getByTestId("gold-chart-summary");
    await expect(ranges.getByRole("button", { name: "1M (one month)" })).toHaveAttribute("aria-pressed", "true");
    await ranges.getByRole("button", { name: "All (all history)" }).click();
    await expect(ranges.getByRole("button", { name: "All (all history)" })).toHaveAttribute("aria-pressed", "true");
    await expect(summary).toContainText("1990");
    await page.getByText("Show as a table").click();
    await expect(page.getByRole("table", { name: /Gold price per gram, all history/ }).getByRole("rowheader").first()).toContainText("1990");
    await ranges.getByRole("button", { name: "1W (one week)" }).click();
    await expect(summary).not.toContainText("1990");
    await expect(summary).toContainText("per gram");
  });

  test("an admin changes the spread and the gold page shows it", async ({ page }) => {
    // The next price is published by the once-a-minute job; the page polls for it.
    test.setTimeout(180_000);
    await signIn(page, "admin@lumbung.test");
    await page.getByRole("link", { name: "Gold", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Gold" })).toBeVisible();
    await page.getByLabel("Spread (%)").fill("999");
    await page.getByRole("button", { name: "Save prices" }).click();
    await expect(page.getByText("Enter a spread from 0 to 20%.")).toBeVisible();
    await page.getByLabel("Spread (%)").fill("5");
    // Bar fees and lead times per size: a bad lead time is refused on its field.
    await page.getByLabel("Lead time for 2 g (days)").fill("0");
    await page.getByRole("button", { name: "Save prices" }).click();
    await expect(page.getByText("Enter whole days from 1 to 90.")).toBeVisible();
    await page.getByLabel("Lead time for 2 g (days)").fill("5");
    await page.getByLabel("Fee per 2 g bar (Rp)").fill("65000");
    await page.getByRole("button", { name: "Save prices" }).click();
    await expect(page.getByText(/Gold prices saved/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Platform gold inventory" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Trade volume, last 30 days/ })).toBeVisible();

    // The seeded 1 g bar request: printed, then cancelled with a reason (the grams go back).
    const queue = page.getByRole("region", { name: "Bar requests" });
    await queue.getByRole("button", { name: /^Mark printed: / }).first().click();
    await page.getByRole("dialog", { name: "Mark these bars as printed?" }).getByRole("button", { name: "Mark printed" }).click();
    await expect(page.getByText("Marked as printed.")).toBeVisible();
    await queue.getByRole("link", { name: "Printed" }).click();
    await queue.getByRole("button", { name: /^Cancel request: / }).first().click();
    const cancel = page.getByRole("dialog", { name: "Cancel this bar request?" });
    await cancel.getByLabel("Reason").fill("Address could not be verified");
    await cancel.getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByText("Request cancelled; the grams are back with the lender.")).toBeVisible();
    await signOut(page);

    await signIn(page, "lender@lumbung.test");
    await page.goto("/lender/gold");
    const spread = page.getByRole("definition").filter({ hasText: /%$/ });
    // Saving published a price with the new spread at once.
    await expect(spread).toHaveText(/^5%$/);
    // The bar options show the admin's fee and lead time.
    const barSize = page.getByRole("region", { name: "Physical gold bars" }).getByLabel("Bar size");
    await barSize.selectOption("2");
    await expect(barSize.locator("option:checked")).toHaveText(/2 g — fee Rp\s?65,000, ready in 5 days/);
  });

  test.describe("on a 375 px phone, in Indonesian", () => {
    test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    test("the gold page fits and reads in Bahasa Indonesia", async ({ page }) => {
      // The seeded lender2 may already read Indonesian; either way the page ends up in Indonesian.
      await signIn(page, "lender2@lumbung.test");
      await page.goto("/lender/gold");
      await expect(page.getByRole("heading", { level: 1, name: /^(Gold|Emas)$/ })).toBeVisible();
      await noHorizontalScroll(page);
      await setLanguage(page, "id");
      await expect(page.getByRole("heading", { level: 1, name: "Emas" })).toBeVisible();
      await expect(page.getByText("Harga beli", { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("heading", { name: "Riwayat transaksi" })).toBeVisible();
      await noHorizontalScroll(page);
      await page.getByRole("button", { name: "Beli emas" }).click();
      await expect(page.getByRole("dialog", { name: "Beli emas" }).getByText(/Harga berlaku \d+ dtk/)).toBeVisible();
      await noHorizontalScroll(page);
    });

    test("the admin gold page fits", async ({ page }) => {
      await signIn(page, "admin@lumbung.test");
      await page.goto("/admin/gold");
      await expect(page.getByRole("heading", { level: 1, name: /^(Gold|Emas)$/ })).toBeVisible();
      await noHorizontalScroll(page);
    });
  });
});
