import { describe, expect, it } from "vitest";
import { fileStorage, MAX_UPLOAD_BYTES, sniffDocumentType, storeDocument } from "./index";

const pdf = new TextEncoder().encode("%PDF-1.4\n%demo\n");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe("document storage", () => {
  it("recognises PDF, JPEG and PNG by content only", () => {
    expect(sniffDocumentType(pdf)).toBe("application/pdf");
    expect(sniffDocumentType(png)).toBe("image/png");
    expect(sniffDocumentType(jpeg)).toBe("image/jpeg");
    expect(sniffDocumentType(new TextEncoder().encode("<html>%PDF-"))).toBeNull();
  });

  it("stores a valid document under a fresh key and reads it back", async () => {
    const stored = await storeDocument({ folder: "test", bytes: pdf });
    expect(stored.mime).toBe("application/pdf");
    expect(stored.key).toMatch(/^test\/[0-9a-f-]{36}\.pdf$/);
    expect(Buffer.from(await fileStorage().get(stored.key)).toString()).toBe("%PDF-1.4\n%demo\n");
    await fileStorage().remove(stored.key);
  });

  it("refuses empty, oversized and disguised files with a field error", async () => {
    await expect(storeDocument({ folder: "test", bytes: new Uint8Array() })).rejects.toMatchObject({ fields: { file: "fileEmpty" } });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(pdf);
    await expect(storeDocument({ folder: "test", bytes: big })).rejects.toMatchObject({ fields: { file: "fileTooLarge" } });
    await expect(storeDocument({ folder: "test", bytes: new TextEncoder().encode("MZ executable") })).rejects.toMatchObject({ fields: { file: "fileType" } });
  });
});
