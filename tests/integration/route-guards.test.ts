import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { coverageGaps, discoverRoutes, ENDPOINTS, PAGES, VISITORS } from "../e2e/role-matrix.table";

const app = path.resolve(__dirname, "..", "..", "app");
const found = discoverRoutes(app);
const fileOf = (kind: "page" | "route", pattern: string) => found.files[`${kind} ${pattern}`];

describe("the role matrix covers every route (tests/e2e/role-matrix.spec.ts checks the cells)", () => {
  it("finds the app's pages and routes on disk", () => {
    expect(found.pages).toEqual(expect.arrayContaining(["/", "/sign-in", "/cases/[id]", "/admin"]));
    expect(found.endpoints).toEqual(expect.arrayContaining(["POST /api/cases", "GET /api/cases/[id]", "POST /api/session/pin"]));
  });

  it("has a row for every page and route, and none for things that are gone", () => {
    expect(coverageGaps(found)).toEqual({ pagesWithoutRow: [], endpointsWithoutRow: [], staleRows: [] });
  });

  it("says something for every visitor in every row", () => {
    for (const entry of [...Object.values(PAGES), ...Object.values(ENDPOINTS)])
      expect(Object.keys(entry.expect).sort()).toEqual([...VISITORS].sort());
  });
});

/** Routes a signed-out browser must reach, each with what stands in for a session. */
const PUBLIC_ROUTES: Record<string, { why: string; check: string }> = {
  "/api/devices/pair": { why: "a manager's one-time pairing code", check: "pairDevice(" },
  "/api/steps/sealed": { why: "the seal made with the session's own key", check: "appendSealedStep(" },
  "/api/health": { why: "a load balancer's probe, which answers its status and nothing else", check: "checkHealth(" },
};

describe("every route handler is guarded in its source", () => {
  const routes = [...new Set(found.endpoints.map((e) => e.split(" ")[1]))];
  for (const pattern of routes) {
    const source = readFileSync(fileOf("route", pattern), "utf8");
    it(`${pattern} wraps its handlers in handle()`, () => {
      const exported = source.match(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\s*=\s*(\w+)/g) ?? [];
      expect(exported.length).toBeGreaterThan(0);
      for (const line of exported) expect(line).toMatch(/=\s*handle$/);
      expect(source).not.toMatch(/export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)/);
    });
    // handle() checks the origin of every mutating request; a second check in a route is a second
    // way of doing it (tests/security/i12-1-origin-check-on-every-route.test.ts proves the one).
    it(`${pattern} leaves the origin check to handle()`, () => expect(source).not.toContain("assertSameOrigin"));
    if (pattern in PUBLIC_ROUTES) {
      it(`${pattern} is open to anyone, and its use-case is the check (${PUBLIC_ROUTES[pattern].why})`, () =>
        expect(source).toContain(PUBLIC_ROUTES[pattern].check));
    } else if (!pattern.startsWith("/api/session/")) {
      // Prefer requireActor("permission") from lib/auth/policy.ts; a role list still authorises.
      it(`${pattern} authorises the caller`, () => expect(source).toMatch(/requireActor\(|assertCan\(/));
    }
  }
});

/**
 * Pages for a browser nobody is signed in on: sign-in, pairing a tablet (the code is the
 * permission), and the offline case shell, which is static and reads the tablet's own store.
 */
const PUBLIC_SHELLS = ["/sign-in", "/pair", "/cases/offline"];

describe("every page but sign-in and the offline shell asks for a signed-in actor", () => {
  it("the offline case shell touches no server data (it is rendered per request only for its CSP nonce)", () => {
    const source = readFileSync(fileOf("page", "/cases/offline"), "utf8");
    expect(source).toMatch(/dynamic = "force-dynamic"/);
    expect(source).not.toMatch(/getDb|@\/lib\/(cases|manager|admin|auth)\//);
  });
  for (const pattern of found.pages.filter((p) => !PUBLIC_SHELLS.includes(p))) {
    it(pattern, () => {
      const source = readFileSync(fileOf("page", pattern), "utf8");
      expect(source).toMatch(/requirePageActor\(/);
    });
  }
});

describe("security headers (next.config.ts and proxy.ts)", () => {
  it("sets a strict CSP on everything proxy.ts does not see, no framing, no sniffing, and hides the framework", async () => {
    expect(nextConfig.poweredByHeader).toBe(false);
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*");
    const headers = Object.fromEntries((all?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
    const api = rules.find((r) => r.source === "/api/:path*");
    const csp = api?.headers.find((h) => h.key.toLowerCase() === "content-security-policy")?.value ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/form-action 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    const worker = rules.find((r) => r.source === "/sw.js" && r.headers.some((h) => h.key === "Content-Security-Policy"));
    const workerCsp = worker?.headers.find((h) => h.key === "Content-Security-Policy")?.value ?? "";
    expect(workerCsp).toMatch(/script-src 'self';/);
    expect(workerCsp).toMatch(/connect-src 'self'/);
  });

  it("puts no colon in a header value of a rule with a parameter (Next would compile it as a pattern on every request)", async () => {
    const rules = await nextConfig.headers!();
    const withParameter = rules.filter((r) => r.source.includes(":"));
    expect(withParameter.map((r) => r.source)).toEqual(expect.arrayContaining(["/:path*", "/api/:path*"]));
    for (const rule of withParameter) for (const { key, value } of rule.headers) expect(value, `${rule.source} ${key}`).not.toContain(":");
  });
});
