// The append fast path (lib/fast-path/append-over-node.ts, docs/decisions/0039-append-fast-path.md)
// serves POST /api/cases, /api/cases/<id>/events and /api/steps/sealed without Next. It is a second door to
// the busiest routes, so everything their route handlers refuse it must refuse the same way, and
// everything they answer it must answer the same way. Who must not get through it:
//   - anyone signed out, a trainer, staff of another venue (the next person on the tablet after a
//     sign-out is "signed out");
//   - a forged request: another site's page posting with the tablet's cookies, a session cookie
//     doubled or mangled to confuse which person is asking;
//   - a client sending a huge body to exhaust the server, or junk (not JSON, not UTF-8, NUL, a
//     case id that does not decode).
// Each is sent to both doors, over real HTTP for the fast path (an in-process Node server on
// loopback) and to the route handler with Next's own cookie reader, and the answers compared.
import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "@/lib/auth/sessions";
import { appendEventSchema } from "@/lib/cases/append-event";
import { sealedStepSchema } from "@/lib/steps/append-sealed-step";
import { sealForSession } from "@/tests/support/held-step";
import { fastRouteFor } from "@/lib/fast-path/append-over-node";
import { MAX_BODY_BYTES } from "@/lib/http";
import { apiAnswerHeaders } from "@/lib/security/headers";
import { createTestDb } from "../setup/test-db";

// The route handler reads cookies through next/headers: answered here by Next's own parser from
// the Cookie header of the request being handled, so both doors read the same header.
let cookieHeader = "";
vi.mock("next/headers", () => ({
  cookies: async () => new RequestCookies(new Headers(cookieHeader ? { cookie: cookieHeader } : {})),
  headers: async () => new Headers(),
}));

const { POST: eventsRoute } = await import("@/app/api/cases/[id]/events/route");
const { POST: sealedRoute } = await import("@/app/api/steps/sealed/route");
const { POST: openRoute } = await import("@/app/api/cases/route");
const { hostileBody, prepare, problemWith, PostgresFingerprint, SqliteFingerprint } = await import("../integration/hostile/harness");
const { engineOf } = await import("@/lib/db/engine");

const { db, file, url } = await createTestDb();
(globalThis as { coachDb?: Promise<typeof db> }).coachDb = Promise.resolve(db);
const fixtures = await prepare(db);
const caseId = fixtures.ids[0];
const fingerprint = engineOf(db) === "postgresql" ? await PostgresFingerprint.open(url) : new SqliteFingerprint(file);
const cookieOf = async (userId: string, locationId: string) => `coach_session=${(await createSession(db, userId, locationId)).token}`;
const staff = fixtures.cookies.staff!;
const trainer = fixtures.cookies.trainer!;
const otherVenueStaff = await cookieOf("usr-chloe", "loc-grand");

const HOST = "coach.test";
let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const route = fastRouteFor(request.method, request.url);
    if (route) return void route(request, response);
    response.statusCode = 404;
    response.end("not a fast route");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fingerprint.close();
});

type Sent = { path: string; headers?: Record<string, string>; body?: string | Buffer };
type Answer = { status: number; json: unknown; text: string; headers: http.IncomingHttpHeaders };

/** Through the fast path, over HTTP on loopback. */
function viaFastPath({ path, headers = {}, body = "" }: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path, headers: { host: HOST, "content-type": "application/json", ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, json: parse(text), text, headers: response.headers });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Through the route handler, as Next would call it. */
async function viaRoute({ path, headers = {}, body = "" }: Sent): Promise<Answer> {
  cookieHeader = headers.cookie ?? "";
  const request = new Request(`http://${HOST}${path}`, {
    method: "POST",
    headers: { host: HOST, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const events = /^\/api\/cases\/([^/?]+)\/events/.exec(path);
  const response = events
    ? await eventsRoute(request, { params: Promise.resolve({ id: decodeURIComponent(events[1]) }) })
    : path.startsWith("/api/cases")
      ? await openRoute(request)
      : await sealedRoute(request);
  const text = await response.text();
  return { status: response.status, json: parse(text), text, headers: Object.fromEntries(response.headers) };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sent to both doors: the same refusal (status and JSON), explained, and nothing changed by either. */
async function expectSameRefusal(sent: Sent, status: number): Promise<void> {
  await fingerprint.changed();
  const fast = await viaFastPath(sent);
  expect(await fingerprint.changed(), "the fast path changed the database").toBe(false);
  const route = await viaRoute(sent);
  expect(await fingerprint.changed(), "the route changed the database").toBe(false);
  expect(fast.status).toBe(status);
  expect(fast.status).toBe(route.status);
  expect(fast.json).toEqual(route.json);
  expect(problemWith({ status: fast.status, text: fast.text, contentType: String(fast.headers["content-type"]) }, false)).toBeNull();
}

const events = (id = caseId) => `/api/cases/${encodeURIComponent(id)}/events`;
const note = (clientEventId: string, text = "Guest asked for the manager by name") =>
  JSON.stringify({ clientEventId, event: { type: "note_added", data: { text } } });
let counter = 0;
const freshId = () => `fast-path-${Date.now()}-${counter++}`;

describe("the append fast path refuses what the route handler refuses, with the same answer, and changes nothing", () => {
  const refusals: [string, () => Sent, number][] = [
    ["signed out (the next person after a sign-out)", () => ({ path: events(), body: note(freshId()) }), 401],
    ["a trainer", () => ({ path: events(), headers: { cookie: trainer }, body: note(freshId()) }), 403],
    ["staff of another venue", () => ({ path: events(), headers: { cookie: otherVenueStaff }, body: note(freshId()) }), 403],
    [
      "another site's page posting with the tablet's cookies (Origin)",
      () => ({ path: events(), headers: { cookie: staff, origin: "https://evil.example" }, body: note(freshId()) }),
      403,
    ],
    [
      "another site's page posting with the tablet's cookies (Sec-Fetch-Site)",
      () => ({ path: events(), headers: { cookie: staff, "sec-fetch-site": "cross-site" }, body: note(freshId()) }),
      403,
    ],
    ["an Origin of 'null'", () => ({ path: events(), headers: { cookie: staff, origin: "null" }, body: note(freshId()) }), 403],
    [
      "a staff session doubled with junk after it (Next keeps the last)",
      () => ({ path: events(), headers: { cookie: `${staff}; coach_session=forged` }, body: note(freshId()) }),
      401,
    ],
    [
      "junk doubled with a trainer's session after it",
      () => ({ path: events(), headers: { cookie: `coach_session=forged; ${trainer}` }, body: note(freshId()) }),
      403,
    ],
    [
      "a session cookie that does not URI-decode",
      () => ({ path: events(), headers: { cookie: "coach_session=%E0%A4%A" }, body: note(freshId()) }),
      401,
    ],
    ["a body that is not JSON", () => ({ path: events(), headers: { cookie: staff }, body: "{not json" }), 400],
    ["a body that is not UTF-8", () => ({ path: events(), headers: { cookie: staff }, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }), 400],
    ["an empty body", () => ({ path: events(), headers: { cookie: staff } }), 400],
    [
      "an event of no known type",
      () => ({
        path: events(),
        headers: { cookie: staff },
        body: JSON.stringify({ clientEventId: freshId(), event: { type: "refund_everything" } }),
      }),
      400,
    ],
    ["a NUL in the text", () => ({ path: events(), headers: { cookie: staff }, body: note(freshId(), "Cold\u0000soup") }), 400],
    ["a NUL in the case id (%00)", () => ({ path: events("abc\u0000def"), headers: { cookie: staff }, body: note(freshId()) }), 400],
    ["a case that does not exist", () => ({ path: events("no-such-case"), headers: { cookie: staff }, body: note(freshId()) }), 404],
    [
      "a step the playbook does not allow now (a second hearing)",
      () => ({
        path: events(),
        headers: { cookie: staff },
        body: JSON.stringify({
          clientEventId: freshId(),
          event: {
            type: "complaint_heard",
            data: { customerWords: "Cold soup", category: "food_quality", severity: 2, spot: "Table 1", mood: "upset" },
          },
        }),
      }),
      409,
    ],
  ];

  for (const [who, make, status] of refusals) {
    it(`${who}: ${status} on both doors`, async () => {
      await expectSameRefusal(make(), status);
    });
  }
});

describe("the append fast path records what the route handler records", () => {
  it("a step sent through the fast path and again through the route is one step, the second answer a duplicate of the first", async () => {
    const id = freshId();
    const first = await viaFastPath({ path: events(), headers: { cookie: staff }, body: note(id) });
    expect(first.status).toBe(201);
    const again = await viaRoute({ path: events(), headers: { cookie: staff }, body: note(id) });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...(first.json as object), duplicate: true });
    expect(await db.caseEvent.count({ where: { clientEventId: id } })).toBe(1);
  });

  it("and the other way round; the same id with a different step is a conflict on both doors", async () => {
    const id = freshId();
    const first = await viaRoute({ path: events(), headers: { cookie: staff }, body: note(id) });
    expect(first.status).toBe(201);
    const again = await viaFastPath({ path: events(), headers: { cookie: staff }, body: note(id) });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...(first.json as object), duplicate: true });
    await fingerprint.changed();
    const changedStep = { path: events(), headers: { cookie: staff }, body: note(id, "A different note under the same id") };
    const fast = await viaFastPath(changedStep);
    const route = await viaRoute(changedStep);
    expect(fast.status).toBe(409);
    expect(fast.json).toEqual(route.json);
    expect(await fingerprint.changed()).toBe(false);
  });

  it("the answer carries every header next.config.ts gives /api, in production and not", async () => {
    const { default: nextConfig } = await import("@/next.config");
    for (const mode of ["production", "test"]) {
      vi.stubEnv("NODE_ENV", mode);
      const rules = await nextConfig.headers!();
      const expected = new Map<string, string>();
      for (const rule of rules) {
        const pattern = new RegExp(`^${rule.source.replace(/:path\*/g, ".*")}$`);
        if (pattern.test("/api/cases/x/events")) for (const { key, value } of rule.headers) expected.set(key.toLowerCase(), value);
      }
      expect(expected.size).toBeGreaterThan(4);
      const answer = await viaFastPath({ path: events(), body: note(freshId()) });
      for (const [key, value] of expected) expect(answer.headers[key], `${key} (${mode})`).toBe(value);
      expect(Object.keys(apiAnswerHeaders()).length).toBe(expected.size);
      vi.unstubAllEnvs();
    }
  });
});

describe("opening a case (an unsealed tablet's first step) takes the fast path with the same answers", () => {
  const OPEN = "/api/cases";
  const opening = () => JSON.stringify({ clientEventId: freshId(), locationId: "loc-harbour" });

  it("a case opened through the fast path, then again through the route: one case, the second a duplicate of the first", async () => {
    const body = opening();
    const first = await viaFastPath({ path: OPEN, headers: { cookie: staff }, body });
    expect(first.status).toBe(201);
    const again = await viaRoute({ path: OPEN, headers: { cookie: staff }, body });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...(first.json as object), duplicate: true });
  });

  const refusals: [string, () => Sent, number][] = [
    ["signed out", () => ({ path: OPEN, body: opening() }), 401],
    ["a trainer", () => ({ path: OPEN, headers: { cookie: trainer }, body: opening() }), 403],
    [
      "staff opening a case at another venue",
      () => ({
        path: OPEN,
        headers: { cookie: otherVenueStaff },
        body: JSON.stringify({ clientEventId: freshId(), locationId: "loc-harbour" }),
      }),
      403,
    ],
    ["another site's page", () => ({ path: OPEN, headers: { cookie: staff, origin: "https://evil.example" }, body: opening() }), 403],
    ["a body that is not JSON", () => ({ path: OPEN, headers: { cookie: staff }, body: "{not json" }), 400],
    [
      "a case id that is not one",
      () => ({ path: OPEN, headers: { cookie: staff }, body: JSON.stringify({ clientEventId: freshId(), caseId: "../x" }) }),
      400,
    ],
  ];
  for (const [who, make, status] of refusals) {
    it(`${who}: ${status} on both doors, nothing recorded`, async () => {
      await expectSameRefusal(make(), status);
    });
  }
});

describe("sealed steps (what a tablet on HTTPS sends) take the fast path with the same answers", () => {
  const SEALED = "/api/steps/sealed";
  const sealedNote = async (id: string, text = "Guest asked for the manager by name") => {
    const { keyId, iv, data } = await sealForSession(db, "usr-amira", "loc-harbour", {
      kind: "event",
      caseId,
      body: { clientEventId: id, event: { type: "note_added", data: { text } } },
    });
    return { keyId, iv, data };
  };

  it("a sealed step through the fast path, then through the route: one step, the second a duplicate of the first", async () => {
    const id = freshId();
    const body = JSON.stringify(await sealedNote(id));
    const first = await viaFastPath({ path: SEALED, body });
    expect(first.status).toBe(201);
    const again = await viaRoute({ path: SEALED, body });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...(first.json as object), duplicate: true });
    expect(await db.caseEvent.count({ where: { clientEventId: id } })).toBe(1);
  });

  const refusals: [string, () => Promise<Sent>, number][] = [
    [
      "a seal altered on the way (one character of its data)",
      async () => {
        const seal = await sealedNote(freshId());
        const flipped = seal.data[10] === "A" ? "B" : "A";
        return { path: SEALED, body: JSON.stringify({ ...seal, data: seal.data.slice(0, 10) + flipped + seal.data.slice(11) }) };
      },
      403,
    ],
    [
      "a seal under a key this server never issued",
      async () => ({ path: SEALED, body: JSON.stringify({ ...(await sealedNote(freshId())), keyId: "no-such-key" }) }),
      403,
    ],
    [
      "another site's page posting a real seal",
      async () => ({ path: SEALED, headers: { origin: "https://evil.example" }, body: JSON.stringify(await sealedNote(freshId())) }),
      403,
    ],
    ["a body that is not JSON", async () => ({ path: SEALED, body: "{not json" }), 400],
    ["a seal missing its parts", async () => ({ path: SEALED, body: JSON.stringify({ keyId: "k" }) }), 400],
    ["a NUL in the address", async () => ({ path: `${SEALED}?x=%00`, body: JSON.stringify(await sealedNote(freshId())) }), 400],
  ];
  for (const [what, make, status] of refusals) {
    it(`${what}: ${status} on both doors, nothing recorded`, async () => {
      await expectSameRefusal(await make(), status);
    });
  }
});

describe("bodies too large for either door", () => {
  it("a declared length over the limit is refused before reading, 413, and the connection closes", async () => {
    await fingerprint.changed();
    const answer = await viaFastPath({
      path: events(),
      headers: { cookie: staff, "content-length": String(MAX_BODY_BYTES + 1) },
      body: "",
    }).catch((error: Error) => ({ status: 0, json: null, text: error.message, headers: {} }) as Answer);
    expect(answer.status).toBe(413);
    expect((answer.json as { error: { message: string } }).error.message).toMatch(/too large/);
    expect(answer.headers.connection).toBe("close");
    expect(await fingerprint.changed()).toBe(false);
  });

  it("a chunked body that runs past the limit is cut off there with 413", async () => {
    await fingerprint.changed();
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, method: "POST", path: events(), headers: { host: HOST, cookie: staff, "transfer-encoding": "chunked" } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      // The socket closing under a body still being written is the expected end of this request.
      request.on("error", (error: NodeJS.ErrnoException) =>
        error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 20 * MAX_BODY_BYTES && !request.destroyed) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
        request.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(await fingerprint.changed()).toBe(false);
  });
});

describe("a tablet that loses the Wi-Fi mid-step", () => {
  it("hangs up half-way through a body: nothing recorded, no error logged, and the next step is served", async () => {
    await fingerprint.changed();
    const logged = vi.spyOn(console, "error");
    const id = freshId();
    const whole = note(id);
    await new Promise<void>((resolve) => {
      const request = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: events(),
        headers: { host: HOST, cookie: staff, "content-type": "application/json", "content-length": String(whole.length) },
      });
      request.on("error", () => resolve());
      request.write(whole.slice(0, 20));
      setTimeout(() => {
        request.destroy();
        setTimeout(resolve, 200);
      }, 100);
    });
    expect(await fingerprint.changed()).toBe(false);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
    const next = await viaFastPath({ path: events(), headers: { cookie: staff }, body: whole });
    expect(next.status).toBe(201);
  });
});

describe("hostile input through the fast path", () => {
  const runs = process.env.TEST_ENGINE === "postgresql" ? 150 : 400;
  it(`${runs} broken steps from a signed-in tablet: never 5xx; a 4xx explains itself and changes nothing`, async () => {
    const id = fc.oneof(fc.constantFrom(...fixtures.ids), fc.string({ minLength: 1, maxLength: 40 }), fc.constant("%"));
    await fc.assert(
      fc.asyncProperty(hostileBody(appendEventSchema), id, fc.boolean(), async (body, target, crossSite) => {
        await fingerprint.changed();
        const raw = body === null ? "" : "raw" in body ? body.raw : JSON.stringify(body.json);
        const path = target === "%" ? "/api/cases/%E0%A4%A/events" : events(target);
        const answer = await viaFastPath({
          path,
          headers: { cookie: staff, ...(crossSite ? { origin: "https://evil.example" } : {}) },
          body: raw,
        });
        const problem = problemWith(
          { status: answer.status, text: answer.text, contentType: String(answer.headers["content-type"]) },
          await fingerprint.changed(),
        );
        if (problem) throw new Error(`${path}: ${problem}`);
        if (crossSite) expect(answer.status).toBe(403);
      }),
      { numRuns: runs },
    );
  }, 300_000);
});

describe("hostile input to the sealed steps' fast path", () => {
  const runs = process.env.TEST_ENGINE === "postgresql" ? 100 : 300;
  it(`${runs} broken seals from anyone: never 5xx; a 4xx explains itself and changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(sealedStepSchema), async (body) => {
        await fingerprint.changed();
        const raw = body === null ? "" : "raw" in body ? body.raw : JSON.stringify(body.json);
        const answer = await viaFastPath({ path: "/api/steps/sealed", body: raw });
        const problem = problemWith(
          { status: answer.status, text: answer.text, contentType: String(answer.headers["content-type"]) },
          await fingerprint.changed(),
        );
        if (problem) throw new Error(`/api/steps/sealed: ${problem}`);
      }),
      { numRuns: runs },
    );
  }, 300_000);
});

describe("which requests take the fast path", () => {
  it("only POST /api/cases, /api/cases/<one segment>/events and /api/steps/sealed, query or not", () => {
    expect(fastRouteFor("POST", "/api/cases")).toBeTypeOf("function");
    expect(fastRouteFor("POST", "/api/cases?x=1")).toBeTypeOf("function");
    expect(fastRouteFor("POST", "/api/cases/abc/events")).toBeTypeOf("function");
    expect(fastRouteFor("POST", "/api/cases/abc/events?x=1")).toBeTypeOf("function");
    expect(fastRouteFor("POST", "/api/steps/sealed")).toBeTypeOf("function");
    expect(fastRouteFor("POST", "/api/steps/sealed?x=1")).toBeTypeOf("function");
    for (const [method, url] of [
      ["GET", "/api/cases/abc/events"],
      ["PUT", "/api/cases/abc/events"],
      ["POST", "/api/cases/abc/events/"],
      ["POST", "/api/cases/abc/def/events"],
      ["POST", "/api/cases//events"],
      ["POST", "/api/heads-up-cases/abc/events"],
      ["POST", "/api/cases/abc/events/../../session/pin"],
      ["GET", "/api/cases"],
      ["POST", "/api/cases/"],
      ["POST", "/api/casesx"],
      ["GET", "/api/steps/sealed"],
      ["POST", "/api/steps/sealed/"],
      ["POST", "/api/steps/sealedx"],
      [undefined, "/api/cases/abc/events"],
    ] as const) {
      expect(fastRouteFor(method, url), `${method} ${url}`).toBeNull();
    }
  });

  it("instrumentation.ts hands it to server.mjs only behind server.mjs, in production, and not when switched off", async () => {
    const { register } = await import("@/instrumentation");
    const registry = globalThis as { coachFastRoutes?: unknown };
    const cases: [Record<string, string>, boolean][] = [
      [{ NEXT_RUNTIME: "nodejs", COACH_EDGE: "server.mjs", NODE_ENV: "production" }, true],
      [{ NEXT_RUNTIME: "nodejs", COACH_EDGE: "", NODE_ENV: "production" }, false],
      [{ NEXT_RUNTIME: "edge", COACH_EDGE: "server.mjs", NODE_ENV: "production" }, false],
      [{ NEXT_RUNTIME: "nodejs", COACH_EDGE: "server.mjs", NODE_ENV: "development" }, false],
      [{ NEXT_RUNTIME: "nodejs", COACH_EDGE: "server.mjs", NODE_ENV: "production", COACH_APPEND_FAST_PATH: "off" }, false],
    ];
    for (const [env, installed] of cases) {
      delete registry.coachFastRoutes;
      for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
      await register();
      expect(registry.coachFastRoutes !== undefined, JSON.stringify(env)).toBe(installed);
      vi.unstubAllEnvs();
    }
    delete registry.coachFastRoutes;
  });
});
