import { expect, test } from "@playwright/test";
import { checkActive, checkDefault, checkFunding, checkLate, checkWaiting, expectNoHorizontalScroll, openDashboard, STATE_ACCOUNTS } from "./dashboard-states";

// The same states on a 375 px phone (the "phone" project runs files matching mobile.spec.ts).
test.describe("borrower dashboard by loan state (375 px)", () => {
  test("active", async ({ page }) => {
    await checkActive(page);
    await expectNoHorizontalScroll(page, "loan page");
    // The schedule is a list of cards on a phone, not a table cut off at the edge.
    const schedule = page.getByRole("list", { name: "Repayment schedule" });
    await expect(schedule).toBeVisible();
    await expect(page.getByRole("table")).toBeHidden();
  });
  test("in funding", async ({ page }) => {
    await checkFunding(page);
    await expectNoHorizontalScroll(page, "dashboard");
  });
  test("late", async ({ page }) => {
    await checkLate(page);
    await expectNoHorizontalScroll(page, "late loan page");
    await expect(page.getByRole("list", { name: "Repayment schedule" }).getByText("Late fees", { exact: true })).toBeVisible();
  });
  test("default", async ({ page }) => {
    await checkDefault(page);
    await expectNoHorizontalScroll(page, "defaulted loan page");
  });
  test("waiting on the borrower", async ({ page }) => {
    await checkWaiting(page);
    await expectNoHorizontalScroll(page, "dashboard");
  });
});

test("in Bahasa Indonesia, the late borrower's warning and Pay lines read in Indonesian", async ({ page }) => {
  await openDashboard(page, STATE_ACCOUNTS.late, "id");
  const alert = page.getByRole("alert").filter({ hasText: "Ada pembayaran yang terlambat" });
  await expect(alert).toBeVisible();
  await expect(alert.getByText(/Denda bertambah setiap hari/)).toBeVisible();
  const activity = await page.getByRole("region", { name: "Aktivitas terbaru" }).innerText();
  expect(activity).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  await alert.getByRole("link", { name: "Lihat yang harus dibayar" }).click();
  await expect(page.getByRole("heading", { name: "Pinjaman ini terlambat" })).toBeVisible();
  await expect(page.getByTestId("due-now-lines").getByText("Denda keterlambatan")).toBeVisible();
  await expectNoHorizontalScroll(page, "late loan page (id)");
});
