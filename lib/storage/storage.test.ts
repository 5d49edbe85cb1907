import { describe, expect, it } from "vitest";
import { attachmentHeaders, displayFileName, fileStorage, MAX_UPLOAD_BYTES, sniffDocumentType, storeDocument } from "./index";

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

  it("the sniffer refuses HTML, SVG with script and other markup whatever they are called, and types a polyglot by its first bytes", () => {
    const text = (t: string) => new TextEncoder().encode(t);
    expect(sniffDocumentType(text("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(sniffDocumentType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffDocumentType(text('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffDocumentType(text("\uFEFF%PDF-1.4"))).toBeNull(); // the signature must be at byte 0
    expect(sniffDocumentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull(); // a truncated PNG signature
    expect(sniffDocumentType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    // A JPEG that is also HTML is a JPEG: it is stored and served as image/jpeg, as a download, never sniffed as HTML.
    const polyglot = new Uint8Array([...jpeg, ...text("<html><script>alert(1)</script></html>")]);
    expect(sniffDocumentType(polyglot)).toBe("image/jpeg");
  });

  it("shows only the last segment of an uploaded file name and serves every file as a download of its sniffed type", () => {
    expect(displayFileName("../../x.png")).toBe("x.png");
    expect(displayFileName("..\\..\\windows\\x.png")).toBe("x.png");
    expect(displayFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(displayFileName("../..")).toBe("document");
    expect(displayFileName("")).toBe("document");
    expect(attachmentHeaders({ mime: "image/png", baseName: "kyc-selfie", size: 12 })).toMatchObject({
      "content-type": "image/png",
      "content-disposition": 'attachment; filename="kyc-selfie.png"',
      "x-content-type-options": "nosniff",
      "content-length": "12",
    });
    expect(attachmentHeaders({ mime: "text/html", baseName: '../"evil', size: 1 })).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": 'attachment; filename="____evil.bin"',
    });
  });
});
