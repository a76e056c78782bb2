/**
 * Issue 9, finding 3: "The per-address sign-in throttle trusts X-Forwarded-For from any client:
 * rotating the header dodges it, and spoofing a venue's address locks that venue's tablets."
 *
 * Now server.mjs (scripts/edge.mjs) removes forwarding headers a client set itself unless the
 * connection comes from a proxy named in TRUSTED_PROXIES, and lib/http.ts `clientAddress` reads
 * only the address the edge worked out. Each request here goes through the edge's real header
 * rewriting (a Node request as the socket delivers it), then the real `clientAddress`, then the
 * real password sign-in and its throttle on a real SQLite file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { clientAddress } from "@/lib/http";
import { applyEdge, parseTrustedProxies, resolveClient, type TrustedProxies } from "../../scripts/edge.mjs";
import { errorOf } from "../setup/app-error";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();

beforeAll(() => {
  process.env.COACH_EDGE = "server.mjs";
});
afterAll(() => {
  delete process.env.COACH_EDGE;
});

/** A request as it reaches the route handler after server.mjs: socket address, the client's headers, the edge. */
function arriving(peer: string, headers: Record<string, string>, trusted: TrustedProxies | null = parseTrustedProxies("")): Request {
  const node = {
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) as Record<
      string,
      string | string[] | undefined
    >,
    socket: { remoteAddress: peer },
  };
  applyEdge(node, trusted);
  const out = new Headers();
  for (const [name, value] of Object.entries(node.headers)) if (typeof value === "string") out.set(name, value);
  return new Request("http://coach.example/api/session/password", { method: "POST", headers: out });
}

let now = new Date("2027-05-01T10:00:00Z").getTime();
beforeEach(() => {
  now += 2 * 24 * 60 * 60 * 1000; // each test at its own time: no failures carried over
});
const clock = () => new Date(now);
const wrongPassword = (request: Request, n: number) =>
  signInWithPassword(
    db,
    { email: `nobody-${n}@example.com`, password: "not-the-password" },
    { address: clientAddress(request), now: clock },
  );

describe("issue 9 finding 3: X-Forwarded-For from a client counts for nothing", () => {
  it("rotating X-Forwarded-For does not dodge the per-address throttle", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 12; n++) {
      const request = arriving("198.51.100.23", {
        "x-forwarded-for": `203.0.113.${n}`,
        "x-real-ip": `203.0.113.${n}`,
        forwarded: `for=203.0.113.${n}`,
      });
      expect(clientAddress(request)).toBe("198.51.100.23");
      statuses.push((await errorOf(wrongPassword(request, n))).status);
    }
    // Ten wrong passwords from one address, then it has to wait.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it("spoofing a venue's address does not lock that venue out", async () => {
    const venue = "192.0.2.50";
    // The attacker keeps guessing "from the venue", waiting whenever told to, until locked out.
    let locked = false;
    for (let n = 0; n < 200 && !locked; n++) {
      const error = await errorOf(wrongPassword(arriving("198.51.100.99", { "x-forwarded-for": venue }), n));
      if (error.status === 429) now += Number(error.details?.retryAfterSeconds ?? 1) * 1000;
      locked = error.status === 423;
    }
    // What got locked is the attacker's own address; the venue's is untouched.
    expect(locked).toBe(true);
    expect((await errorOf(wrongPassword(arriving("198.51.100.99", {}), 999))).status).toBe(423);
    const maria = await signInWithPassword(
      db,
      { email: "maria@example.com", password: "manager-demo-pass" },
      { address: clientAddress(arriving(venue, {})), now: clock },
    );
    expect(maria.token).toBeTruthy();
  });

  it("believes X-Forwarded-For only from a trusted proxy, read right to left past the trusted hops", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.7");
    // Through the venue's reverse proxy (trusted): the client is the proxy's word.
    expect(clientAddress(arriving("10.1.2.3", { "x-forwarded-for": "203.0.113.9" }, trusted))).toBe("203.0.113.9");
    // A client that prepends its own entries cannot choose: the right-most untrusted hop wins.
    expect(clientAddress(arriving("10.1.2.3", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 192.168.1.7" }, trusted))).toBe("203.0.113.9");
    // Garbage where an address should be stops at the last hop the proxies vouch for.
    expect(clientAddress(arriving("10.1.2.3", { "x-forwarded-for": "203.0.113.9, not-an-ip" }, trusted))).toBe("10.1.2.3");
    // The same header straight from an untrusted client is ignored.
    expect(clientAddress(arriving("198.51.100.5", { "x-forwarded-for": "203.0.113.9" }, trusted))).toBe("198.51.100.5");
    // IPv4 through an IPv6 socket, and IPv6 proxies.
    expect(resolveClient("::ffff:198.51.100.5", "203.0.113.9", trusted)).toEqual({ address: "198.51.100.5", viaTrustedProxy: false });
    expect(resolveClient("2001:db8::1", "203.0.113.9", parseTrustedProxies("2001:db8::/32"))).toEqual({
      address: "203.0.113.9",
      viaTrustedProxy: true,
    });
  });

  it("refuses a TRUSTED_PROXIES it cannot read, rather than trusting the wrong thing", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies("loopback").check("127.0.0.1")).toBe(true);
    expect(parseTrustedProxies("").check("127.0.0.1")).toBe(false);
  });

  it("does not even take the edge's own header from a client", () => {
    expect(clientAddress(arriving("198.51.100.23", { "x-coach-client-address": "203.0.113.1" }))).toBe("198.51.100.23");
  });
});
