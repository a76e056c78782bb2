import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

/**
 * Every page gets its own Content-Security-Policy with a fresh nonce (docs/decisions/0011): the
 * nonce goes on the request, where Next.js reads it and puts it on the page's inline scripts,
 * and the same policy goes on the answer, where the browser enforces it.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only. Route handlers (/api) never render HTML, and a proxy in front of them would make
  // Next buffer request bodies for it (the body limit in lib/http.ts must see the stream itself).
  // Static files, icons, the worker and the manifest get the fixed policy from next.config.ts.
  matcher: ["/((?!api/|_next/static/|_next/image|icons/|sw.js|manifest.webmanifest|favicon.ico).*)"],
};
