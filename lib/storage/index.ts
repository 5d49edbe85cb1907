import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { ValidationFailed } from "@/lib/errors";

/**
 * File storage behind an interface: local disk under DATA_DIR/files by default; an S3-compatible store
 * can be added behind the same interface. Keys are opaque; who may read a file is decided by the
 * domain record that points at it (an application's owner, a KYC subject, admins), never by the key.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}
  private resolve(key: string): string {
    if (!/^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/i.test(key) || key.includes("..")) throw new Error(`bad storage key ${key}`);
    return path.join(this.root, key);
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: "wx" });
  }
  async get(key: string): Promise<Uint8Array> {
    return fs.readFile(this.resolve(key));
  }
  async remove(key: string): Promise<void> {
    await fs.rm(this.resolve(key), { force: true });
  }
}

export function fileStorage(): FileStorage {
  return new LocalDiskStorage(path.join(env().dataDir, "files"));
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export type DocumentMime = "application/pdf" | "image/jpeg" | "image/png";

/** The type of a file from its first bytes (magic numbers), never from its name or the browser's claim. */
export function sniffDocumentType(bytes: Uint8Array): DocumentMime | null {
  const b = bytes;
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return "application/pdf";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return "image/png";
  }
  return null;
}

const EXTENSION: Record<DocumentMime, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

/**
 * The name a browser-supplied file name is shown under: its last path segment, without control
 * characters, at most 200 characters ("../../x.png" → "x.png"). Display only: the stored key is
 * always server-chosen, and downloads are named by the server too (attachmentHeaders).
 */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean === "" || clean === "." || clean === ".." ? "document" : clean;
}

/**
 * Headers of a stored upload when it is served: always a download (attachment) under a server-chosen
 * ASCII name, of its sniffed type, never sniffed again by the browser, never cached, and under a CSP
 * in which nothing can run even if it were opened as a page.
 */
export function attachmentHeaders({ mime, baseName, size }: { mime: DocumentMime | string; baseName: string; size: number }): Record<string, string> {
  const ext = EXTENSION[mime as DocumentMime] ?? "bin";
  const name = `${baseName.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 60) || "document"}.${ext}`;
  return {
    "content-type": mime in EXTENSION ? mime : "application/octet-stream",
    "content-length": String(size),
    "content-disposition": `attachment; filename="${name}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "content-security-policy": "default-src 'none'; sandbox",
  };
}

/**
 * Checks an uploaded document (PDF, JPEG or PNG by content, at most 5 MB) and stores it under a new
 * random key in the given folder. Returns what the domain record should keep.
 */
export async function storeDocument({
  folder,
  bytes,
  field = "file",
  allowed = ["application/pdf", "image/jpeg", "image/png"],
}: {
  folder: string;
  bytes: Uint8Array;
  field?: string;
  allowed?: DocumentMime[];
}): Promise<{ key: string; mime: DocumentMime; size: number; sha256: string }> {
  if (bytes.length === 0) throw new ValidationFailed({ [field]: "fileEmpty" }, "The file is empty.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ValidationFailed({ [field]: "fileTooLarge" }, "The file is larger than 5 MB.");
  const mime = sniffDocumentType(bytes);
  if (!mime || !allowed.includes(mime)) throw new ValidationFailed({ [field]: "fileType" }, "Upload a PDF, JPEG or PNG file.");
  const key = `${folder}/${crypto.randomUUID()}.${EXTENSION[mime]}`;
  await fileStorage().put(key, bytes);
  return { key, mime, size: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}
