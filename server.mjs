// `npm start`: Complaint Coach's server. Next's own request handler, behind a small edge that
// decides which forwarding headers to believe (scripts/edge.mjs): a client's X-Forwarded-For or
// X-Forwarded-Host counts only when the connection comes from a proxy named in TRUSTED_PROXIES.
// Used by `npm start`, `npm run demo`, the browser tests, the crash test and the bench.
//
//   node server.mjs [-p PORT] [-H HOST]      PORT, HOSTNAME and TRUSTED_PROXIES from the environment too
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyEdge, parseTrustedProxies } from "./scripts/edge.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (...names) => {
  const at = args.findIndex((a) => names.includes(a));
  return at >= 0 ? args[at + 1] : undefined;
};
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? process.env.HOSTNAME ?? undefined;
const dev = args.includes("--dev");

// Before Next loads: lib/http.ts believes the edge's headers only when it runs behind it.
process.env.COACH_EDGE = "server.mjs";
process.env.NODE_ENV ??= dev ? "development" : "production";

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES ?? "");
const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  applyEdge(request, trusted);
  // The append fast path, once instrumentation.ts has handed it over: Next loads that file with
  // the rest of the server, on the first request (docs/decisions/0039-append-fast-path.md).
  const fast = globalThis.coachFastRoutes?.(request.method, request.url);
  if (fast) void fast(request, response);
  else void handle(request, response);
});
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  const proxies = trusted.entries.length ? trusted.entries.join(", ") : "none (client addresses come from the socket)";
  console.log(`Complaint Coach on http://${shown}:${port} · trusted proxies: ${proxies}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close?.();
    setTimeout(() => process.exit(0), 500).unref();
  });
}
