import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/seed/demo-people";
import { deviceCookie, pairedState } from "./helpers";
import {
  coverageGaps,
  discoverRoutes,
  ENDPOINTS,
  PAGES,
  urlFor,
  VISITORS,
  type Entry,
  type Fixtures,
  type Outcome,
  type Visitor,
} from "./role-matrix.table";

/**
 * Every visitor (signed out, staff, manager, trainer, admin) against every page and every route
 * handler, on the real server with real session cookies. The routes come from the filesystem;
 * the expectations from ./role-matrix.table.ts. Uses the request API, not page navigation.
 */

const found = discoverRoutes();
const demo = (id: string) => {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`No demo user ${id}`);
  return user;
};

/** How each visitor signs in: staff and managers with a PIN on the tablet, the others with a password. */
const SIGN_IN: Record<Exclude<Visitor, "signed-out">, { url: string; data: Record<string, string> }> = {
  staff: { url: "/api/session/pin", data: { userId: "usr-amira", pin: demo("usr-amira").pin, locationId: "loc-harbour" } },
  manager: { url: "/api/session/pin", data: { userId: "usr-maria", pin: demo("usr-maria").pin, locationId: "loc-harbour" } },
  trainer: { url: "/api/session/password", data: { email: demo("usr-tara").email ?? "", password: demo("usr-tara").password ?? "" } },
  admin: { url: "/api/session/password", data: { email: demo("usr-alex").email ?? "", password: demo("usr-alex").password ?? "" } },
};

/** Everyone comes to the venue's paired tablet (PIN sign-in needs one; the others do not mind). */
async function contextFor(baseURL: string, visitor: Visitor): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, storageState: pairedState("loc-harbour") });
  if (visitor !== "signed-out") {
    const { url, data } = SIGN_IN[visitor];
    const response = await context.post(url, { data });
    expect(response.status(), `${visitor} signs in: ${await response.text()}`).toBe(200);
  }
  return context;
}

function pageOutcome(response: APIResponse): Outcome | string {
  const status = response.status();
  if (status === 200) return "allow";
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers()["location"] ?? "", "http://x");
    if (location.pathname === "/sign-in") return "sign-in";
    if (location.pathname === "/" && location.searchParams.has("denied")) return "refuse";
    if (location.pathname === "/") return "home";
    return `redirect to ${location.pathname}${location.search}`;
  }
  return `HTTP ${status}`;
}

function endpointOutcome(response: APIResponse | number): Outcome | string {
  const status = typeof response === "number" ? response : response.status();
  if (status === 401) return "sign-in";
  if (status === 403) return "refuse";
  if (status < 300 || [400, 404, 409].includes(status)) return "allow";
  return `HTTP ${status}`;
}

/** The status of a stream's answer (the request API would wait for its end, which never comes): then hang up. */
async function streamStatus(context: APIRequestContext, url: string): Promise<number> {
  const { cookies } = await context.storageState();
  const abort = new AbortController();
  const response = await fetch(new URL(url, baseUrl), {
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    redirect: "manual",
    signal: abort.signal,
  });
  abort.abort();
  return response.status;
}

let contexts: Record<Visitor, APIRequestContext>;
let fixtures: Fixtures;
let baseUrl: string;
const SECRET_EMAIL = "matrix.guest@example.com";

test.beforeAll(async ({ baseURL }) => {
  baseUrl = baseURL ?? "http://localhost:3100";
  const entries = await Promise.all(VISITORS.map(async (v) => [v, await contextFor(baseUrl, v)] as const));
  contexts = Object.fromEntries(entries) as Record<Visitor, APIRequestContext>;

  // A case at the staff member's location, with contact details in what the customer said.
  const opened = await contexts.staff.post("/api/cases", { data: { clientEventId: `matrix-${Date.now()}` } });
  expect(opened.status(), await opened.text()).toBe(201);
  const { caseId } = (await opened.json()) as { caseId: string };
  const heard = await contexts.staff.post(`/api/cases/${caseId}/events`, {
    data: {
      clientEventId: `matrix-heard-${Date.now()}`,
      event: {
        type: "complaint_heard",
        data: {
          customerWords: `Cold food. Email ${SECRET_EMAIL} or call 07700 900456`,
          category: "food_quality",
          severity: 2,
          spot: "Table 9",
          mood: "upset",
        },
      },
    },
  });
  expect(heard.status(), await heard.text()).toBe(201);
  // A live heads-up at the same venue, and one table told about it.
  const raised = await contexts.staff.post("/api/heads-ups", {
    data: {
      clientEventId: `matrix-hu-${Date.now()}`,
      kind: "sold_out",
      what: "Matrix special sold out",
      reason: "More popular than expected",
      options: [
        { choice: "change", text: "The fish of the day" },
        { choice: "wait", text: "Wait 20 minutes" },
      ],
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  const { id: headsUpId } = (await raised.json()) as { id: string };
  const told = await contexts.staff.post(`/api/heads-ups/${headsUpId}/tables`, {
    data: { clientEventId: `matrix-told-${Date.now()}`, spot: "Table 9", choice: "wait", option: "Wait 20 minutes" },
  });
  expect(told.status(), await told.text()).toBe(201);
  const { caseId: headsUpCaseId } = (await told.json()) as { caseId: string };
  fixtures = { caseId, headsUpId, headsUpCaseId };
});

test.afterAll(async () => {
  // Ended on record, so no later test's screens carry the matrix's heads-up banner.
  if (fixtures?.headsUpId) await contexts.staff.post(`/api/heads-ups/${fixtures.headsUpId}/end`, { data: {} }).catch(() => undefined);
  await Promise.all(Object.values(contexts ?? {}).map((c) => c.dispose()));
});

test("every page and route on disk has a row in the matrix", () => {
  expect(coverageGaps(found)).toEqual({ pagesWithoutRow: [], endpointsWithoutRow: [], staleRows: [] });
});

for (const pattern of found.pages) {
  test(`page ${pattern}`, async () => {
    const entry: Entry | undefined = PAGES[pattern];
    expect(entry, `a row for ${pattern} in tests/e2e/role-matrix.table.ts`).toBeDefined();
    if (!entry) return;
    const url = urlFor(pattern, fixtures, entry);
    const got: Record<string, string> = {};
    for (const visitor of VISITORS) {
      got[visitor] = pageOutcome(await contexts[visitor].get(url, { maxRedirects: 0 }));
    }
    expect(got, `GET ${url}`).toEqual(entry.expect);
  });
}

for (const key of found.endpoints) {
  test(`endpoint ${key}`, async () => {
    const entry: Entry | undefined = ENDPOINTS[key];
    expect(entry, `a row for ${key} in tests/e2e/role-matrix.table.ts`).toBeDefined();
    if (!entry) return;
    const [method, pattern] = key.split(" ");
    const url = urlFor(pattern, fixtures, entry);
    const got: Record<string, string> = {};
    for (const visitor of VISITORS) {
      const context = entry.fresh ? await contextFor(baseUrl, visitor) : contexts[visitor];
      if (entry.stream) {
        got[visitor] = endpointOutcome(await streamStatus(context, url));
        continue;
      }
      const response = await context.fetch(url, {
        method,
        data: method === "GET" || method === "HEAD" ? undefined : (entry.body ?? {}),
        maxRedirects: 0,
      });
      got[visitor] = endpointOutcome(response);
      if (entry.fresh) await context.dispose();
    }
    expect(got, `${method} ${url}`).toEqual(entry.expect);
  });
}

test("every mutating endpoint refuses a cross-site request, before anything else", async () => {
  const mutating = found.endpoints.filter((k) => !/^(GET|HEAD|OPTIONS) /.test(k));
  expect(mutating.length).toBeGreaterThan(5);
  const refusedFor: Record<string, number> = {};
  for (const key of mutating) {
    const [method, pattern] = key.split(" ");
    const url = urlFor(pattern, fixtures, ENDPOINTS[key]);
    for (const visitor of ["signed-out", "admin"] as const) {
      const response = await contexts[visitor].fetch(url, {
        method,
        data: ENDPOINTS[key]?.body ?? {},
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
        maxRedirects: 0,
      });
      refusedFor[`${visitor} ${key}`] = response.status();
    }
  }
  expect(Object.entries(refusedFor).filter(([, status]) => status !== 403)).toEqual([]);
});

test("a same-origin request with an Origin header is accepted", async () => {
  const response = await contexts.staff.post("/api/cases", { data: {}, headers: { origin: baseUrl } });
  expect(response.status()).toBe(400);
});

test("a trainer cannot read a live case at all (issue 10.7); ended cases come redacted (trainer.spec.ts)", async () => {
  const asStaff = await (await contexts.staff.get(`/api/cases/${fixtures.caseId}`)).text();
  expect(asStaff).toContain(SECRET_EMAIL);
  const asTrainer = await contexts.trainer.get(`/api/cases/${fixtures.caseId}`);
  expect(asTrainer.status()).toBe(403);
  const body = await asTrainer.text();
  expect(body).not.toContain(SECRET_EMAIL);
  expect(body).not.toContain("07700 900456");
  const page = await contexts.trainer.get(`/cases/${fixtures.caseId}`, { maxRedirects: 0 });
  expect(pageOutcome(page)).toBe("refuse");
  expect(await page.text()).not.toContain(SECRET_EMAIL);
});

test("security headers are on pages and API answers", async () => {
  for (const url of ["/sign-in", "/api/cases/none"]) {
    const headers = (await contexts["signed-out"].get(url, { maxRedirects: 0 })).headers();
    expect(headers["content-security-policy"], url).toMatch(/frame-ancestors 'none'/);
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("same-origin");
    expect(headers["x-powered-by"], url).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax, and a new one is issued at every sign-in", async () => {
  const tokens: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await playwrightRequest.newContext({ baseURL: baseUrl, storageState: pairedState("loc-harbour") });
    const response = await context.post(SIGN_IN.staff.url, { data: SIGN_IN.staff.data });
    const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("coach_session="));
    expect(cookie?.value).toMatch(/HttpOnly/i);
    expect(cookie?.value).toMatch(/SameSite=Lax/i);
    tokens.push(cookie?.value.split(";")[0] ?? "");
    await context.dispose();
  }
  expect(tokens[0]).not.toBe(tokens[1]);
});

test("signing out ends the session on the server", async () => {
  const context = await contextFor(baseUrl, "staff");
  const { cookies } = await context.storageState();
  const token = cookies.find((c) => c.name === "coach_session")?.value;
  expect((await context.post("/api/session/sign-out", { data: {} })).status()).toBe(200);
  // Replaying the old cookie (from the same tablet) does not work: the server revoked it.
  const device = deviceCookie("loc-harbour");
  const replay = await playwrightRequest.newContext({
    baseURL: baseUrl,
    extraHTTPHeaders: { cookie: `coach_session=${token}; ${device.name}=${device.value}` },
  });
  expect((await replay.post("/api/cases", { data: {} })).status()).toBe(401);
  await Promise.all([context.dispose(), replay.dispose()]);
});
