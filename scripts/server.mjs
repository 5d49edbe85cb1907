#!/usr/bin/env node
// The production server: Next.js's request handler behind a plain Node HTTP server, so that every
// request carries the socket's remote address in a header no client can set (see peer-address.mjs
// and docs/ARCHITECTURE.md, Sessions). `npm start` runs it (after a build); so does `npm run serve`.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { stampPeerAddress } from "./peer-address.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  stampPeerAddress(req);
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// All interfaces, as `next start` does.
server.listen(port, () => console.log(`Lumbung ready on http://localhost:${port}`));
// Stop taking requests, then exit without waiting for idle keep-alive connections (as `next start`).
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
