import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs/promises";
import { setLanguage, signIn, signOut } from "./helpers";

const NAME = `Jakarta top-ups without investments ${Date.now()}`;

/** The live preview's count as a number ("12 users match" → 12, "No users match" → 0). */
async function previewCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("segment-preview-count").textContent()) ?? "";
  const m = /\d[\d,.]*/.exec(text);
  return m ? Number(m[0].replace(/[,.]/g, "")) : 0;
}

/** Waits until the preview has answered for the rule as it is now (no request pending). */
async function settledCount(page: Page): Promise<number> {
  await expect(page.getByRole("region", { name: "Live preview" })).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
  await expect(page.getByTestId("segment-preview-count")).toBeVisible();
  return previewCount(page);
}

function condition(page: Page, n: number) {
  return page.getByRole("group", { name: `Condition ${n}`, exact: true });
}

test("an admin builds 'lenders in Jakarta who topped up in the last 7 days but never invested', a demo lender enters it after a top-up", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin@lumbung.test");
  await page.getByRole("link", { name: "Engagement" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
  await page.getByRole("link", { name: "New segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New segment" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByLabel("Description (optional)").fill("Topped up in the last week, never funded a loan");

  // An empty condition says what is missing, and nothing is previewed yet.
  const first = condition(page, 1);
  await expect(first.getByText("Choose a field.")).toBeVisible();
  await expect(page.getByText("Complete the rule to see who matches.")).toBeVisible();

  const counts: number[] = [];
  // 1. Lenders.
  await first.getByLabel("Field").selectOption({ label: "Role" });
  await first.getByLabel("Operator").selectOption({ label: "is" });
  await first.getByLabel("Value").selectOption({ label: "Lender" });
  counts.push(await settledCount(page));

  // 2. In Jakarta.
  await page.getByRole("button", { name: "Add condition" }).first().click();
  const second = condition(page, 2);
  await second.getByLabel("Field").selectOption({ label: "City" });
  await second.getByLabel("Operator").selectOption({ label: "contains" });
  await second.getByLabel("Value").fill("Jakarta");
  counts.push(await settledCount(page));

  // 3. Topped up at least once in the last 7 days.
  await page.getByRole("button", { name: "Add condition" }).first().click();
  const third = condition(page, 3);
  await third.getByLabel("Condition type").selectOption({ label: "Did an event (count)" });
  await third.getByLabel("Event").selectOption("topup_paid");
  await third.getByLabel("How often").selectOption({ label: "at least" });
  await third.getByLabel("Times").fill("1");
  await third.getByLabel("When").selectOption({ label: "In the last … days" });
  // While the days are being typed the rule is incomplete: the message shows, the last count stays.
  await third.getByLabel("Days").fill("");
  await expect(third.getByText("Enter a number of days.")).toBeVisible();
  await expect(page.getByTestId("segment-preview-count")).toBeVisible();
  await third.getByLabel("Days").fill("7");
  counts.push(await settledCount(page));

  // 4. Never invested: loan_invested at most 0 times, ever.
  await page.getByRole("button", { name: "Add condition" }).first().click();
  const fourth = condition(page, 4);
  await fourth.getByLabel("Condition type").selectOption({ label: "Did an event (count)" });
  await fourth.getByLabel("Event").selectOption("loan_invested");
  await fourth.getByLabel("How often").selectOption({ label: "at most" });
  await fourth.getByLabel("Times").fill("0");
  await fourth.getByLabel("When").selectOption({ label: "Ever" });
  counts.push(await settledCount(page));
  // The count followed the edits (all lenders → in Jakarta → topped up → never invested).
  expect(new Set(counts).size, `counts while editing: ${counts.join(" → ")}`).toBeGreaterThan(1);
  expect(counts[1]).toBeLessThanOrEqual(counts[0]!);
  expect(counts[3]).toBeLessThanOrEqual(counts[2]!);

  // A group can be added and removed again.
  await page.getByRole("button", { name: "Add group" }).first().click();
  await expect(page.getByRole("group", { name: /^Group: / })).toBeVisible();
  await page.getByRole("button", { name: "Remove group" }).click();
  await expect(page.getByRole("group", { name: /^Group: / })).toHaveCount(0);

  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText("Version", { exact: true })).toBeVisible();
  const segmentUrl = page.url();
  const segmentId = segmentUrl.split("/").pop()!;
  await signOut(page);

  // Dewi (seeded: a lender in Jakarta Timur who has never invested) tops up through the sandbox gateway.
  await signIn(page, "dewi@lumbung.test");
  await setLanguage(page, "en");
  // A lender is refused the segments pages and routes.
  expect((await page.goto("/admin/engagement/segments"))?.status()).toBe(403);
  expect((await page.request.post("/api/admin/segments/preview", { data: { rule: { type: "group", op: "and", rules: [] } } })).status()).toBe(403);
  expect((await page.request.get(`/api/admin/segments/${segmentId}/export`)).status()).toBe(403);
  await page.goto("/lender/wallet");
  await page.getByLabel("Bank").first().selectOption("BCA");
  await page.getByLabel("Amount (Rp)").first().fill("1000000");
  await page.getByRole("button", { name: "Create payment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Top-up Rp\s?1,000,000/ })).toBeVisible();
  await page.getByRole("link", { name: "Pay with the sandbox gateway" }).click();
  await page.getByRole("button", { name: /Pay Rp\s?1,000,000/ }).click();
  await expect(page.getByText("Payment sent. The merchant has been notified.")).toBeVisible();
  await page.getByRole("link", { name: "Return to Lumbung" }).click();
  await expect(page.getByText("Paid. Your balance is updated.")).toBeVisible();
  await signOut(page);

  // Within seconds she is among the segment's members.
  await signIn(page, "admin@lumbung.test");
  await expect
    .poll(
      async () => {
        await page.goto(segmentUrl);
        return page.getByTestId("segment-members").getByText("Dewi Anggraini").count();
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBeGreaterThan(0);

  // The CSV download has her, with the header in words.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await fs.readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("User ID,Name,Email,Role,Entered at");
  expect(lines.some((l) => l.includes("Dewi Anggraini,dewi@lumbung.test,lender,"))).toBe(true);

  // The same page in Indonesian, then the editor.
  await setLanguage(page, "id");
  await expect(page.getByRole("link", { name: "Ekspor CSV" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Anggota" })).toBeVisible();
  await page.getByRole("link", { name: "Ubah" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ubah ${NAME}` })).toBeVisible();
  await expect(page.getByRole("group", { name: "Kondisi 1", exact: true }).getByLabel("Kolom")).toHaveValue("role");
  await expect(page.getByRole("group", { name: "Kondisi 3", exact: true }).getByLabel("Peristiwa")).toHaveValue("topup_paid");
  await expect(page.getByTestId("segment-preview-count")).toContainText(/pengguna/);
  await setLanguage(page, "en");

  // On a phone the editor and the segment page fit in 375 px.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(segmentUrl.replace(/$/, "/edit"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.goto(segmentUrl);
  await expect(page.getByTestId("segment-members")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
