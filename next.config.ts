import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS, contentSecurityPolicy, LOCKED_DOWN_POLICY, STRICT_TRANSPORT_SECURITY } from "./lib/security/headers";

/** Paths proxy.ts does not see and that are never a page: a policy under which nothing loads or runs. */
const NEVER_PAGES = ["/api/:path*", "/_next/:path*", "/icons/:path*"];
/** The service worker and the manifest: the pages' policy with no nonce (the worker runs under it; no inline script does). */
const WORKER_AND_MANIFEST = ["/sw.js", "/manifest.webmanifest"];

/** Set by scripts/demo.mjs for its own build. */
const DEMO_BUILD = process.env.COACH_DEMO_BUILD === "1";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // pg (PostgreSQL, docs/decisions/0020) likewise: it probes for an optional native build at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Lets two checkouts (or a test run beside a running demo) build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run demo`'s build (docs/decisions/0032-demo-within-a-minute.md) makes the same app with less
  // work: it leaves the type check of the whole tree to `npm run typecheck` (and `npm test`), and
  // does not write Turbopack's build cache (the demo skips building unchanged sources instead).
  // Every other build checks types and keeps the cache.
  typescript: { ignoreBuildErrors: DEMO_BUILD },
  ...(DEMO_BUILD ? { experimental: { turbopackFileSystemCacheForBuild: false } } : {}),
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      {
        source: "/:path*",
        headers: [...COMMON_SECURITY_HEADERS, ...(production ? [STRICT_TRANSPORT_SECURITY] : [])],
      },
      // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
      ...NEVER_PAGES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: LOCKED_DOWN_POLICY }] })),
      ...WORKER_AND_MANIFEST.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: process.env.NODE_ENV === "development" }) }],
      })),
      {
        // The browser checks for a new worker on every visit; never let a cache answer for it.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
        ],
      },
    ];
  },
};

export default nextConfig;
