import { expect, type Locator, type Page } from "@playwright/test";

/** Shared checks for DataTable (components/ui/data-table.tsx) at desktop and phone widths. */

export async function expectNoSideScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/** The element is visible and neither starts nor ends outside the screen's width. */
export async function expectWithinWidth(page: Page, el: Locator) {
  await expect(el).toBeVisible();
  const box = (await el.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Phone: every row is a card whose labels and values are visible and inside the screen. */
export async function expectStackedCards(page: Page, table: Locator, maxRows = 4) {
  const rows = table.getByTestId("data-row");
  await expect(rows.first()).toBeVisible();
  const width = page.viewportSize()!.width;
  const n = Math.min(await rows.count(), maxRows);
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const labels = row.getByTestId("data-label");
    const values = row.getByTestId("data-value");
    expect(await labels.count(), `row ${i} has labels`).toBeGreaterThan(0);
    expect(await values.count()).toBe(await labels.count());
    for (const cell of [...(await labels.all()), ...(await values.all())]) {
      await expect(cell).toBeVisible();
      const box = (await cell.boundingBox())!;
      expect(box.x, `${await cell.textContent()} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${await cell.textContent()} ends on screen`).toBeLessThanOrEqual(width);
    }
    // Label and value sit side by side on one card line, the value not under the next label.
    const label = (await labels.first().boundingBox())!;
    const value = (await values.first().boundingBox())!;
    expect(value.x).toBeGreaterThanOrEqual(label.x + label.width);
  }
}

/**
 * Desktop: a real table with headings, no label text shown in cells, figures right-aligned with
 * tabular digits and never wrapped, and at least 12 px between the text of neighbouring columns.
 */
export async function expectSeparatedColumns(table: Locator) {
  await expect(table.getByRole("columnheader").first()).toBeVisible();
  await expect(table.getByTestId("data-label").first()).toBeHidden();
  const report = await table.evaluate((root) => {
    const problems: string[] = [];
    const textBox = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (rects.length === 0) return null;
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), lines: new Set(rects.map((r) => Math.round(r.top))).size };
    };
    for (const row of root.querySelectorAll("tbody tr")) {
      const cells = [...row.children];
      for (let i = 0; i + 1 < cells.length; i++) {
        const a = textBox(cells[i]!);
        const b = textBox(cells[i + 1]!);
        if (a && b && b.left - a.right < 12) problems.push(`"${cells[i]!.textContent}" runs into "${cells[i + 1]!.textContent}" (${Math.round(b.left - a.right)} px)`);
      }
      for (const cell of cells) {
        const style = getComputedStyle(cell);
        if (!cell.classList.contains("amount")) continue;
        if (style.textAlign !== "right") problems.push(`"${cell.textContent}" is not right-aligned`);
        if (!style.fontVariantNumeric.includes("tabular-nums")) problems.push(`"${cell.textContent}" lacks tabular digits`);
        const box = textBox(cell);
        if (box && box.lines > 1) problems.push(`"${cell.textContent}" breaks over ${box.lines} lines`);
      }
    }
    return problems;
  });
  expect(report).toEqual([]);
}
