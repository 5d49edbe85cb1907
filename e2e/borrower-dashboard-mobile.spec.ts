import { expect, test } from "@playwright/test";
import { checkActive, checkDefault, checkFunding, checkLate, checkWaiting, expectNoHorizontalScroll } from "./dashboard-states";

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
