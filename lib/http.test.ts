import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertSameOrigin, clientAddress, handle, withParams } from "./http";

const req = (method: string, headers: Record<string, string>) => new Request("http://tablet.local:3000/api/x", { method, headers });
const refused = (r: Request) => {
  try {
    assertSameOrigin(r);
    return false;
  } catch (e) {
    return e instanceof AppError && e.status === 403;
  }
};

describe("assertSameOrigin", () => {
  it("lets this site's own pages and non-browser clients through", () => {
    expect(refused(req("POST", { host: "tablet.local:3000", origin: "http://tablet.local:3000", "sec-fetch-site": "same-origin" }))).toBe(
      false,
    );
    expect(refused(req("POST", { host: "tablet.local:3000" }))).toBe(false);
  });

  it("refuses other sites, by Origin or by Sec-Fetch-Site", () => {
    expect(refused(req("POST", { host: "tablet.local:3000", origin: "https://evil.example" }))).toBe(true);
    expect(refused(req("POST", { host: "tablet.local:3000", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(refused(req("POST", { host: "tablet.local:3000", "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("refuses an opaque or malformed Origin with 403, not a crash", () => {
    expect(refused(req("POST", { host: "tablet.local:3000", origin: "null" }))).toBe(true);
    expect(refused(req("POST", { host: "tablet.local:3000", origin: "::::" }))).toBe(true);
  });
});

describe("handle", () => {
  const ok = handle(async (_request: Request) => new Response("ran"));

  it("checks the origin of every mutating request, even if the route forgets", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await ok(req(method, { host: "tablet.local:3000", origin: "https://evil.example" }));
      expect(response.status).toBe(403);
    }
  });

  it("leaves reads alone", async () => {
    const response = await ok(req("GET", { host: "tablet.local:3000", "sec-fetch-site": "cross-site" }));
    expect(await response.text()).toBe("ran");
  });

  it("turns AppErrors into JSON with their status, and rate limits into Retry-After", async () => {
    const limited = handle(async (_request: Request) => {
      throw new AppError("rate_limited", "Too many tries — wait 5 seconds", { retryAfterSeconds: 5 });
    });
    const response = await limited(req("GET", {}));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ error: { code: "rate_limited", message: "Too many tries — wait 5 seconds" } });
  });
});

describe("clientAddress", () => {
  it("behind server.mjs, takes the address it worked out and never the client's X-Forwarded-For", () => {
    process.env.COACH_EDGE = "server.mjs";
    try {
      expect(clientAddress(req("GET", { "x-coach-client-address": "203.0.113.9", "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.9");
      expect(clientAddress(req("GET", { "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
    } finally {
      delete process.env.COACH_EDGE;
    }
  });

  it("without server.mjs believes no header at all", () => {
    expect(clientAddress(req("GET", { "x-forwarded-for": "203.0.113.9", "x-coach-client-address": "203.0.113.9" }))).toBe("unknown");
  });
});

describe("withParams", () => {
  it("lets the URL win and ignores non-object bodies", () => {
    expect(withParams({ name: "x", id: "evil" }, { id: "from-url" })).toEqual({ name: "x", id: "from-url" });
    expect(withParams([1, 2], { id: "a" })).toEqual({ id: "a" });
    expect(withParams(null, { id: "a" })).toEqual({ id: "a" });
  });
});
