import { DEVICE_COOKIE, SESSION_COOKIE } from "./sessions";

/**
 * A Cookie header read exactly as Next's `cookies()` reads it (@edge-runtime/cookies): pairs split
 * on "; ", the value URI-decoded, a later pair of the same name winning, a value that does not
 * decode skipped. The append fast path (lib/fast-path) reads cookies with this, so a request is
 * the same person on both paths (tests/security/append-fast-path.test.ts compares the two).
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(/; */)) {
    if (!pair) continue;
    const splitAt = pair.indexOf("=");
    if (splitAt === -1) {
      cookies.set(pair, "true");
      continue;
    }
    try {
      cookies.set(pair.slice(0, splitAt), decodeURIComponent(pair.slice(splitAt + 1)));
    } catch {
      // Not URI-encoded properly: ignored, as Next ignores it.
    }
  }
  return cookies;
}

/** The session and paired-tablet tokens a Cookie header carries. */
export function credentialsOf(header: string | undefined): { session?: string; device?: string } {
  const cookies = parseCookieHeader(header);
  return { session: cookies.get(SESSION_COOKIE), device: cookies.get(DEVICE_COOKIE) };
}
