import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { localizeCsvHeader } from "./csv";

type Tr = { (key: string): string; has: (key: string) => boolean };
const tr = (locale: "en" | "id", namespace: string) => createTranslator({ locale, messages: locale === "en" ? en : id, namespace: namespace as never }) as unknown as Tr;

describe("CSV exports", () => {
  it("writes CSV headers in the reader's language and leaves the rows alone", () => {
    const csv = "date,type,loan_id,amount,principal,interest,late_fee,service_fee\n2026-01-01T00:00:00.000Z,repayment,abc,100,90,10,0,1\n";
    expect(localizeCsvHeader(csv, tr("id", "csv.portfolio"))).toBe(
      "Tanggal,Jenis,ID pinjaman,Jumlah (Rp),Pokok (Rp),Bunga (Rp),Denda keterlambatan (Rp),Biaya layanan (Rp)\n2026-01-01T00:00:00.000Z,repayment,abc,100,90,10,0,1\n",
    );
    expect(localizeCsvHeader("time,side,grams\n", tr("en", "csv.gold"))).toBe("Time,Buy or sell,Grams\n");
    expect(localizeCsvHeader("date,unknown_column\n", tr("en", "csv.wallet"))).toBe("Date,unknown_column\n");
  });

});
