/**
 * Issue 10, item 9 (the proxy part): "The origin check must not accept a request whose
 * X-Forwarded-Host was set by the client unless a trusted proxy is configured."
 *
 * A cross-site page cannot set X-Forwarded-Host, but any other client can: with the old check a
 * request carrying `Origin: https://evil.example` and `X-Forwarded-Host: evil.example` passed. Now
 * lib/http.ts believes X-Forwarded-Host only behind server.mjs, which removes the client's own
 * unless the connection comes from a proxy named in TRUSTED_PROXIES.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http";
import { applyEdge, parseTrustedProxies } from "../../scripts/edge.mjs";

function through(edge: boolean, peer: string, headers: Record<string, string>, trusted = ""): Request {
  const node = { headers: { ...headers } as Record<string, string | string[] | undefined>, socket: { remoteAddress: peer } };
  if (edge) {
    process.env.COACH_EDGE = "server.mjs";
    applyEdge(node, parseTrustedProxies(trusted));
    // What Next itself adds after the edge: X-Forwarded-Host from Host when missing.
    node.headers["x-forwarded-host"] ??= node.headers.host;
  }
  const out = new Headers();
  for (const [name, value] of Object.entries(node.headers)) if (typeof value === "string") out.set(name, value);
  return new Request("http://coach.example/api/cases", { method: "POST", headers: out });
}

const refused = (request: Request) => {
  try {
    assertSameOrigin(request);
    return false;
  } catch (error) {
    return error instanceof AppError && error.status === 403;
  }
};

afterEach(() => {
  delete process.env.COACH_EDGE;
});

const forged = { host: "coach.example", origin: "https://evil.example", "x-forwarded-host": "evil.example" };

describe("issue 10 item 9: X-Forwarded-Host from a client", () => {
  it("is ignored without a trusted proxy: the forged origin is refused", () => {
    expect(refused(through(true, "198.51.100.7", forged))).toBe(true);
  });

  it("is ignored when the app runs without server.mjs", () => {
    expect(refused(through(false, "198.51.100.7", forged))).toBe(true);
  });

  it("is ignored when it comes from a client that is not the trusted proxy", () => {
    expect(refused(through(true, "198.51.100.7", forged, "10.0.0.0/8"))).toBe(true);
  });

  it("is believed from the trusted proxy, which sets it for the public host name", () => {
    const viaProxy = {
      host: "127.0.0.1:3000",
      origin: "https://coach.example",
      "x-forwarded-host": "coach.example",
      "x-forwarded-proto": "https",
      "x-forwarded-for": "203.0.113.9",
    };
    expect(refused(through(true, "10.0.0.2", viaProxy, "10.0.0.0/8"))).toBe(false);
    // …and a same-origin request straight to the app still works.
    expect(refused(through(true, "198.51.100.7", { host: "coach.example", origin: "http://coach.example" }))).toBe(false);
  });
});
