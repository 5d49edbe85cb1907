import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RupiahField } from "@/components/gold/rupiah-field";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { TextField } from "./field";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
const inLocale = (locale: "en" | "id", node: React.ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : id} timeZone="Asia/Jakarta">
      {node}
    </NextIntlClientProvider>,
  );

describe("a field's hint and its error", () => {
  it("shows the hint, and only the error once there is one (never both saying the same)", () => {
    const calm = renderToStaticMarkup(<TextField id="a" label="Amount" hint="At least Rp10.000." />);
    expect(text(calm)).toBe("Amount At least Rp10.000.");
    expect(calm).toContain('aria-describedby="a-hint"');
    const wrong = renderToStaticMarkup(<TextField id="a" label="Amount" hint="At least Rp10.000." error="The amount must be at least Rp10.000." />);
    expect(text(wrong)).toBe("Amount The amount must be at least Rp10.000.");
    expect(wrong).toContain('aria-describedby="a-error"');
    expect(wrong).not.toContain("a-hint");
  });
});

describe("the rupiah echo under an amount", () => {
  it('says "You will pay" only where money is paid', () => {
    const paid = inLocale("en", <RupiahInput pays id="p" label="Amount (Rp)" value="1500000" onChange={() => {}} />);
    expect(text(paid)).toMatch(/You will pay Rp\s?1,500,000\./);
    const budget = inLocale("en", <RupiahInput id="b" label="Total budget (Rp)" value="1500000" onChange={() => {}} />);
    expect(text(budget)).not.toContain("You will pay");
    expect(text(budget)).toMatch(/That is Rp\s?1,500,000\./);
    expect(text(inLocale("id", <RupiahInput id="b" label="Anggaran (Rp)" value="1500000" onChange={() => {}} />))).toMatch(/Senilai Rp\s?1\.500\.000\./);
    expect(text(inLocale("id", <RupiahField pays id="g" label="Jumlah" value="50000" onChange={() => {}} />))).toMatch(/Anda akan membayar Rp\s?50\.000\./);
    expect(text(inLocale("en", <RupiahField id="g" label="Price" value="50000" onChange={() => {}} />))).not.toContain("You will pay");
  });

  it("gives way to the error", () => {
    const html = inLocale("en", <RupiahInput pays id="p" label="Amount (Rp)" value="5000" error="The amount must be at least Rp10,000." onChange={() => {}} />);
    expect(text(html)).toBe("Amount (Rp) The amount must be at least Rp10,000.");
  });
});
