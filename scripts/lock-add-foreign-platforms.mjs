#!/usr/bin/env node
// The npm registry these machines reach holds only the Linux builds of packages that ship per-platform
// binaries (@next/swc-*, @swc/core-*, @tailwindcss/oxide-*, …). npm therefore leaves the other
// platforms' optional packages out of package-lock.json, and `npm ci` then refuses the lock as out of
// sync. This adds a lock entry (version, os/cpu/libc, optional) for each such package, so `npm ci`
// skips them for the platform they are not for, exactly as with a lock made against the full registry.
// Run it after any `npm install` that changes package-lock.json: `npm run lock:fix`.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPU = { arm64: "arm64", aarch64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", armv7: "arm", gnueabihf: "arm", ppc64: "ppc64", ppc64le: "ppc64", s390x: "s390x", riscv64: "riscv64", loong64: "loong64", wasm32: "wasm32", mips64el: "mips64el" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const entry = {};
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu];
  if (parts.includes("musl")) entry.libc = ["musl"];
  else if (parts.includes("gnu") || parts.includes("gnueabihf")) entry.libc = ["glibc"];
  if (parts.includes("wasm32") || parts.includes("wasi")) entry.cpu = ["wasm32"];
  return entry;
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  if (!meta.optionalDependencies) continue;
  const base = path === "" ? "" : `${path}/`;
  for (const [dep, range] of Object.entries(meta.optionalDependencies)) {
    const nested = `${base}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a per-platform binary: leave it to npm
    const version = range.replace(/^[\^~=]/, "");
    packages[hoisted] = { version, ...platform, optional: true };
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} foreign-platform optional package(s) added.`);
