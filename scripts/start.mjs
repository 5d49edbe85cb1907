#!/usr/bin/env node
// `npm start`: builds the app when there is no build yet, then serves it. The server's
// instrumentation hook migrates the database, seeds demo data on first start (embedded database)
// and starts the job runner in the same process.
import { existsSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const port = process.env.PORT ?? "3000";

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No build found: building Lumbung first (this takes a few minutes once)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// scripts/server.mjs rather than `next start`: it records each request's socket address (client IP).
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
