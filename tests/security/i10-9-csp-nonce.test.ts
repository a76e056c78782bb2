// Issue 10, item 9 (headers): "scripts run under script-src 'unsafe-inline'". Every page now gets
// a Content-Security-Policy with a fresh nonce from proxy.ts, so only inline scripts carrying it
// run, and production builds send HSTS. (The X-Forwarded-Host part of item 9 is issue 9's.)
// The browser side, on the running server, is tests/e2e/security-headers.spec.ts.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";
import { config, proxy } from "@/proxy";

const policyOf = (response: Response) => response.headers.get("content-security-policy") ?? "";
const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? "";
const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(directive(policy, "script-src"))?.[1] ?? null;

afterEach(() => vi.unstubAllEnvs());

describe("a page's scripts need the request's nonce", () => {
  it("sends a policy whose script-src has a nonce and no 'unsafe-inline'", () => {
    const policy = policyOf(proxy(new NextRequest("http://coach.test/cases/offline")));
    const scripts = directive(policy, "script-src");
    expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{22,}'$/);
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    for (const kept of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
      expect(policy).toContain(kept);
  });

  it("makes a new nonce for every request", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => nonceOf(policyOf(proxy(new NextRequest("http://coach.test/"))))));
    expect(nonces.size).toBe(50);
    expect(nonces.has(null)).toBe(false);
  });

  it("hands the same policy to Next.js on the request, which is where it reads the nonce from", () => {
    const response = proxy(new NextRequest("http://coach.test/sign-in"));
    expect(response.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policyOf(response));
  });

  it("runs on every page, and not on route handlers (their bodies stay unbuffered) or static files", () => {
    const [matcher] = config.matcher;
    const runs = (path: string) => new RegExp(`^${matcher}$`).test(path);
    for (const page of ["/", "/sign-in", "/cases/abc", "/cases/offline", "/trainer/cases/x", "/manager", "/no-such-page"])
      expect(runs(page), page).toBe(true);
    for (const other of [
      "/api/cases",
      "/api/session/pin",
      "/_next/static/chunks/a.js",
      "/sw.js",
      "/icons/icon-192.png",
      "/manifest.webmanifest",
    ])
      expect(runs(other), other).toBe(false);
  });
});

describe("everything else", () => {
  it("API answers, static files and the worker get a policy with no inline scripts at all", async () => {
    const rules = await nextConfig.headers!();
    const policyOf = (source: string) =>
      rules
        .find((r) => r.source === source && r.headers.some((h) => h.key === "Content-Security-Policy"))
        ?.headers.find((h) => h.key === "Content-Security-Policy")?.value ?? "";
    // Never a page (docs/decisions/0035): nothing loads or runs if one is opened as a document.
    for (const source of ["/api/:path*", "/_next/:path*", "/icons/:path*"]) {
      const policy = policyOf(source);
      expect(directive(policy, "default-src"), source).toBe("default-src 'none'");
      expect(directive(policy, "script-src"), source).toBe("");
      expect(directive(policy, "frame-ancestors"), source).toBe("frame-ancestors 'none'");
    }
    // The worker runs under its own answer's policy and fetches pages and files from this origin.
    for (const source of ["/sw.js", "/manifest.webmanifest"]) {
      const policy = policyOf(source);
      expect(directive(policy, "script-src"), source).toBe("script-src 'self'");
      expect(directive(policy, "connect-src"), source).toBe("connect-src 'self'");
    }
    // No rule sends a second policy to pages (two policies would both apply).
    expect(
      rules.filter((r) => r.headers.some((h) => h.key.toLowerCase() === "content-security-policy")).map((r) => r.source),
    ).not.toContain("/:path*");
  });

  it("production builds send HSTS; development does not", async () => {
    const hsts = async () =>
      (await nextConfig.headers!()).find((r) => r.source === "/:path*")?.headers.find((h) => h.key === "Strict-Transport-Security")?.value;
    vi.stubEnv("NODE_ENV", "production");
    expect(await hsts()).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    vi.stubEnv("NODE_ENV", "development");
    expect(await hsts()).toBeUndefined();
  });
});
