import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, signOut, uniqueEmail } from "./helpers";

/**
 * Issue 12 (11): hostile files on every upload (KYC and loan documents). HTML and SVG are refused with
 * the form's message; a JPEG that is also HTML is stored as the JPEG it starts as; a file named
 * ../../x.png is stored under a server-chosen key. Everything is served as a download of its sniffed type.
 */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
const JPEG_HEAD = Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex");
const XSS = "<html><body><script>document.title='pwned'</script></body></html>";
const html = (name: string) => ({ name, mimeType: "text/html", buffer: Buffer.from(`<!doctype html>${XSS}`) });
const svg = (name: string) => ({ name, mimeType: "image/svg+xml", buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>`) });
const polyglot = (name: string) => ({ name, mimeType: "image/jpeg", buffer: Buffer.concat([JPEG_HEAD, Buffer.from(XSS), Buffer.from("ffd9", "hex")]) });
const traversal = () => ({ name: "../../x.png", mimeType: "image/png", buffer: PNG });
const REFUSED = "Upload a PDF, JPEG or PNG file.";

async function expectInert(request: APIRequestContext, url: string, mime: string) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  const h = res.headers();
  expect(h["content-type"]).toBe(mime);
  expect(h["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9_-]+\.(jpg|png|pdf)"$/i);
  expect(h["content-disposition"]).not.toContain("..");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["content-security-policy"]).toContain("sandbox");
}

async function expectNotPwned(page: Page) {
  expect(await page.title()).not.toBe("pwned");
}

test("KYC uploads: HTML and SVG refused in the form, a JPEG/HTML polyglot and ../../x.png stored inertly", async ({ page }) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("upload");
  await page.goto("/sign-up/lender");
  await page.getByLabel("Full name").fill("Dewi Unggah");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile phone").fill("081211113333");
  await page.getByLabel("Password").fill("kata-sandi-rahasia");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  await page.goto("/lender/kyc");
  await page.getByLabel("Full name (as on KTP)").fill("Dewi Unggah");
  await page.getByLabel("NIK", { exact: true }).fill("3175015705900001");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Date of birth").fill("1990-05-17");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Selfie: HTML, then SVG with script: refused with the form's message; the polyglot is a JPEG.
  for (const bad of [html("selfie.html"), svg("selfie.svg"), html("selfie.png")]) {
    await page.getByLabel("Selfie photo").setInputFiles(bad);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByText(REFUSED)).toBeVisible();
    await expect(page.getByText("Step 2 of 7: Selfie")).toBeVisible();
  }
  await page.getByLabel("Selfie photo").setInputFiles(polyglot("selfie.jpg"));
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 3 of 7: KTP photo")).toBeVisible();

  // KTP photo: a path in the name changes nothing about where it is stored.
  for (const bad of [svg("ktp.svg"), html("../../ktp.png")]) {
    await page.getByLabel("Photo of your KTP").setInputFiles(bad);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByText(REFUSED)).toBeVisible();
  }
  await page.getByLabel("Photo of your KTP").setInputFiles(traversal());
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 4 of 7: Address")).toBeVisible();

  // Address: an SVG as a "PDF" is refused too; then the rest, to reach the review with the file links.
  await page.getByLabel("Street address").fill("Jl. Melati No. 12, RT 03/RW 05");
  await page.getByLabel("City or regency").fill("Jakarta Timur");
  await page.getByLabel("Province").fill("DKI Jakarta");
  await page.getByLabel("Postal code").fill("13220");
  await page.getByLabel("Proof of address").setInputFiles(svg("bill.pdf"));
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText(REFUSED)).toBeVisible();
  await page.getByLabel("Proof of address").setInputFiles({ name: "bill.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 5 of 7: Occupation and income")).toBeVisible();
  await page.getByLabel("Occupation", { exact: true }).selectOption("employee");
  await page.getByLabel("Declared annual income (Rp)").fill("120000000");
  await page.getByLabel("Proof of income").setInputFiles({ name: "payslip.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 6 of 7: Bank account")).toBeVisible();
  await page.getByLabel("Bank", { exact: true }).selectOption("BCA");
  await page.getByLabel("Account number").fill("1234567890");
  await page.getByLabel("Account holder name").fill("Dewi Unggah");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 7 of 7: Review and submit")).toBeVisible();
  const links = await page.locator('a[href^="/api/v1/kyc/files/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  const selfie = links.find((l) => l.endsWith("/selfie"));
  const ktp = links.find((l) => l.endsWith("/ktpPhoto"));
  expect(selfie, links.join(", ")).toBeTruthy();
  expect(ktp, links.join(", ")).toBeTruthy();
  await expectInert(page.request, selfie!, "image/jpeg");
  await expectInert(page.request, ktp!, "image/png");
  // Opening the polyglot in the browser downloads it; it never runs as a page.
  const download = page.waitForEvent("download");
  await page.evaluate((href) => {
    const a = document.createElement("a");
    a.href = href;
    document.body.append(a);
    a.click();
  }, selfie!);
  expect((await download).suggestedFilename()).toMatch(/\.jpg$/);
  await expectNotPwned(page);
});

test("loan documents: HTML and SVG refused in the form, a polyglot and ../../x.png stored inertly and served as downloads", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "borrower@lumbung.test");
  await page.goto("/borrower/apply");
  await page.getByLabel("Legal business name").fill("CV Unggah Aman");
  await page.getByLabel("NIB (business identification number)").fill("1234567890123");
  await page.getByLabel("NPWP (tax number)").fill("01.234.567.8-901.000");
  await page.getByLabel("Sector").selectOption("food_beverage");
  await page.getByLabel("City").fill("Bandung");
  await page.getByLabel("Years operating").fill("5");
  await page.getByLabel("Employees").fill("12");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Monthly revenue (Rp)").fill("150000000");
  await page.getByLabel("Monthly expenses (Rp)").fill("90000000");
  await page.getByLabel("Existing loans outstanding (Rp)").fill("0");
  await page.getByLabel("Other lending platforms you owe to").fill("0");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Product").selectOption({ label: "Paylater Bisnis" });
  await page.getByLabel("Amount (Rp)").fill("5000000");
  await page.getByLabel("Tenor").fill("3");
  await page.getByLabel("What is the money for?").fill("Stock of coffee beans");
  await page.getByRole("button", { name: "Save and continue" }).click();

  const upload = async (label: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.getByLabel(label, { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: `Upload ${label}` }).click();
  };
  for (const [label, bad] of [
    ["Bank statements (last 3 months)", html("statements.html")],
    ["Bank statements (last 3 months)", svg("statements.svg")],
    ["Business licence", html("../../nib.pdf")],
  ] as const) {
    await upload(label, bad);
    // The row of this upload (the innermost block holding its button): an earlier row may still show its own refusal.
    const row = page.locator("div").filter({ has: page.getByRole("button", { name: `Upload ${label}` }) }).last();
    await expect(row.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  }
  await upload("Bank statements (last 3 months)", polyglot("statements.jpg"));
  await expect(page.getByText("✓ statements.jpg")).toBeVisible();
  await upload("Business licence", traversal());
  await expect(page.getByText("✓ x.png")).toBeVisible();
  await upload("Owner's ID card (KTP)", { name: "ktp.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("✓ ktp.png")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My loans" })).toBeVisible();
  await signOut(page);

  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/loans");
  await page.getByRole("link", { name: "Open CV Unggah Aman" }).first().click();
  const statements = page.getByRole("link", { name: /statements\.jpg/ });
  const licence = page.getByRole("link", { name: /: x\.png$/ });
  await expect(statements).toBeVisible();
  await expect(licence).toBeVisible();
  await expectInert(page.request, (await statements.getAttribute("href"))!, "image/jpeg");
  await expectInert(page.request, (await licence.getAttribute("href"))!, "image/png");
  await expectNotPwned(page);
});
