import { expect, test } from "@playwright/test";
import { expectSeparatedColumns } from "./cards-layout";
import { signIn } from "./helpers";

// On desktop the same tables are real tables whose columns never run together ("Rp 0—", "PaidStatus").
test("portfolio, wallet history and the users list keep their columns apart on desktop", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await page.goto("/lender/portfolio");
  await expectSeparatedColumns(page.getByRole("table", { name: "Investments" }));
  await page.goto("/lender/wallet");
  await expectSeparatedColumns(page.getByRole("table", { name: "History" }));
  await expect(page.getByTestId("available-balance")).toHaveCSS("white-space", "nowrap");
  await page.context().clearCookies();
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/users");
  await expectSeparatedColumns(page.getByRole("table", { name: "Users" }));
});
