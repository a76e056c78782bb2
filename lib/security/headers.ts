/**
 * The security headers, in one place: proxy.ts sends the per-request Content-Security-Policy on
 * every page, next.config.ts the rest (docs/decisions/0011-csp-nonce.md).
 *
 * Scripts: this origin's files, and inline scripts that carry the request's nonce. Next.js puts
 * the nonce on its own inline scripts (hydration data, the bootstrap) when it finds it in the
 * request's Content-Security-Policy header, so 'unsafe-inline' is gone from script-src.
 * Styles keep 'unsafe-inline': React's style attributes cannot carry a nonce, and a style cannot
 * run code.
 */

type Options = {
  /** The request's nonce; without one (API answers, static files) no inline script may run. */
  nonce?: string;
  /** `next dev` evaluates code (React's error overlay): allowed there only. */
  dev?: boolean;
};

export function contentSecurityPolicy({ nonce, dev = false }: Options = {}): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The offline service worker (public/sw.js) and the web app manifest.
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * For answers that are never a page (JSON from /api, scripts and styles under /_next, icons): a
 * browser that opens one as a document may load nothing and run nothing. It has no colon (no
 * `data:` or `https:` source) on purpose: Next compiles a header value holding one as a path pattern
 * on every request its rule matches (a rule with a parameter, as `/api/:path*`), which cost every
 * append about 0.1 ms of CPU (docs/decisions/0035).
 */
export const LOCKED_DOWN_POLICY = ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join("; ");

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Headers every answer carries, pages and API alike. */
export const COMMON_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * HTTPS only, for two years, on this host and its subdomains: sent by production builds.
 * Browsers ignore it over plain HTTP (so `npm run demo` on localhost is unaffected) and remember
 * it after the first answer over HTTPS.
 */
export const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/**
 * Every header next.config.ts puts on an answer under /api, for the append fast path, which answers
 * without Next (lib/fast-path/append-over-node.ts). tests/security/append-fast-path.test.ts checks
 * this against next.config.ts's own rules.
 */
export function apiAnswerHeaders(production = process.env.NODE_ENV === "production"): Record<string, string> {
  const headers = [...COMMON_SECURITY_HEADERS, ...(production ? [STRICT_TRANSPORT_SECURITY] : [])];
  return Object.fromEntries([...headers.map(({ key, value }) => [key, value]), ["Content-Security-Policy", LOCKED_DOWN_POLICY]]);
}
