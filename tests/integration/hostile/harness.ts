/**
 * Bad input against every route handler (app/api/**\/route.ts), called directly: a constructed
 * Request with a real session cookie, `cookies()` from next/headers answered from that Request.
 * Inputs come from the use-case's zod schema (through its JSON Schema) where there is one, then
 * are broken on purpose: fields dropped, retyped, stretched, poisoned; bodies that are not JSON;
 * hostile path parameters and query strings; cross-site origins.
 *
 * The property, for every endpoint and every input: never a 5xx; a 4xx says what is wrong
 * ({ error: { code, message } }); and a 4xx changes nothing in the database. (Sign-in attempts
 * and session touches are bookkeeping, not data: the SignInAttempt and Session tables are left
 * out of the comparison.)
 */
import Database from "better-sqlite3";
import { Client as PgClient } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { engineOf } from "@/lib/db/engine";
import { createHash } from "node:crypto";
import path from "node:path";
import fc from "fast-check";
import { z } from "zod";
import { createSession } from "@/lib/auth/sessions";
import { addRootCauseTagSchema } from "@/lib/admin/add-root-cause-tag";
import { createLocationSchema } from "@/lib/admin/create-location";
import { createUserSchema } from "@/lib/admin/create-user";
import { renameLocationSchema } from "@/lib/admin/rename-location";
import { renameRootCauseTagSchema } from "@/lib/admin/rename-root-cause-tag";
import { resetCredentialsSchema } from "@/lib/admin/reset-credentials";
import { setAuthorityLimitSchema } from "@/lib/admin/set-authority-limit";
import { passwordSignInSchema } from "@/lib/auth/sign-in-with-password";
import { pinSignInSchema } from "@/lib/auth/sign-in-with-pin";
import { createPairingCodeSchema } from "@/lib/devices/create-pairing-code";
import { pairDeviceSchema } from "@/lib/devices/pair-device";
import { sealedStepSchema } from "@/lib/steps/append-sealed-step";
import { registerSealKeySchema } from "@/lib/steps/register-seal-key";
import { appendEventSchema } from "@/lib/cases/append-event";
import { tabletDecisionSchema } from "@/lib/cases/decide-on-tablet";
import { openCase, openCaseSchema } from "@/lib/cases/open-case";
import { appendEvent } from "@/lib/cases/append-event";
import type { Db } from "@/lib/db/client";
import { addManagerNote, managerNoteSchema } from "@/lib/manager/add-manager-note";
import { closeCaseSchema } from "@/lib/manager/close-case";
import { setImprovementStatusSchema } from "@/lib/manager/complete-improvement";
import { createImprovementSchema } from "@/lib/manager/create-improvement";
import { managerDecisionSchema } from "@/lib/manager/decide-request";
import { queueQuerySchema } from "@/lib/manager/filters";
import { insightsQuerySchema } from "@/lib/manager/insights";
import { heldStepsCountQuerySchema } from "@/lib/manager/count-held-steps";
import { heldStepsQuerySchema } from "@/lib/manager/list-held-steps";
import { linkCasesSchema } from "@/lib/manager/link-improvement-cases";
import { reopenCaseSchema } from "@/lib/manager/reopen-case";
import { reviewHeldStepSchema } from "@/lib/manager/review-held-step";
import { updateActionSchema } from "@/lib/manager/update-action";
import { actorFor } from "@/tests/support/actors";
import { assignDrillSchema } from "@/lib/training/assign-drill";
import { publishCollectionSchema } from "@/lib/training/publish-collection";
import { appendHeadsUpEventSchema } from "@/lib/heads-ups/append-heads-up-event";
import { endHeadsUpSchema } from "@/lib/heads-ups/end-heads-up";
import { openHeadsUpCaseSchema } from "@/lib/heads-ups/open-heads-up-case";
import { raiseHeadsUp, raiseHeadsUpSchema } from "@/lib/heads-ups/raise-heads-up";
import { startComplaintSchema } from "@/lib/heads-ups/start-complaint";
import { tellTable, tellTableSchema } from "@/lib/heads-ups/tell-table";
import { liveQuerySchema } from "@/lib/live/open-live-feed";
import { healthQuerySchema } from "@/lib/ops/check-health";
import { discoverRoutes, ENDPOINTS, type Visitor } from "../../e2e/role-matrix.table";

// 1,000 per endpoint on SQLite; 300 in the PostgreSQL half of the matrix, where the inputs are the
// same kind (validation decides before either engine is asked) and each costs several times more.
export const RUNS = Number(process.env.HOSTILE_RUNS ?? (process.env.TEST_ENGINE === "postgresql" ? 300 : 1000));
const ORIGIN = "http://coach.test";

// ---------------------------------------------------------------------------------------------
// next/headers, answered from the Request being handled
// ---------------------------------------------------------------------------------------------

let currentCookies = new Map<string, string>();

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (currentCookies.has(name) ? { name, value: currentCookies.get(name) ?? "" } : undefined),
    set: (name: string, value: string) => void currentCookies.set(name, value),
    delete: (name: string) => void currentCookies.delete(name),
    has: (name: string) => currentCookies.has(name),
    getAll: () => [...currentCookies].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers(),
};

// ---------------------------------------------------------------------------------------------
// Zod schema → JSON Schema → fast-check
// ---------------------------------------------------------------------------------------------

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

const json = fc.jsonValue({ maxDepth: 3 });

/** Values that look valid to a JSON Schema (best effort: the breaking happens afterwards). */
export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return json;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => arbitraryFor(s, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const entries = Object.entries(schema.properties ?? {});
      if (!entries.length) return fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 });
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of entries) record[key] = arbitraryFor(value, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in record) });
    }
    case "array":
      return fc.array(arbitraryFor(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 6),
      });
    case "string":
      if (schema.format === "date-time")
        return fc.date({ noInvalidDate: true, min: new Date("2000-01-01"), max: new Date("2100-01-01") }).map((d) => d.toISOString());
      if (schema.format === "email") return fc.emailAddress();
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 80 });
        } catch {
          return fc.string();
        }
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) });
    case "integer":
      return fc.integer({
        min: Math.ceil(schema.minimum ?? schema.exclusiveMinimum ?? -1e6),
        max: Math.floor(schema.maximum ?? schema.exclusiveMaximum ?? 1e6),
      });
    case "number":
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return json;
  }
}

export function fromZod(schema: z.ZodType): fc.Arbitrary<unknown> {
  try {
    return arbitraryFor(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
  } catch {
    return json;
  }
}

// ---------------------------------------------------------------------------------------------
// Breaking things
// ---------------------------------------------------------------------------------------------

const hostileString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    '\'; DROP TABLE "Case"; --',
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "%00",
    "\u0000",
    "\u202Eevil",
    "🙂".repeat(300),
    "null",
    "undefined",
    "NaN",
    "1e309",
    "__proto__",
    "constructor",
    "x".repeat(70_000),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 200 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, [], {}, [[[[[]]]]]),
  fc.integer(),
  fc.double({ noNaN: true }),
  json,
);

/** Takes a (roughly) valid object and breaks one part of it. */
function breakObject(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return hostileValue;
  const keys = Object.keys(value);
  const some = keys.length ? fc.constantFrom(...keys) : fc.constant("field");
  return fc.oneof(
    // Drop a field.
    some.map((k) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== k))),
    // Replace a field with something hostile.
    fc.tuple(some, hostileValue).map(([k, v]) => ({ ...value, [k]: v })),
    // Poison the prototype, add unknown fields.
    hostileValue.map(
      (v) =>
        JSON.parse(
          `{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, "extra": ${JSON.stringify(v ?? null)}}`,
        ) as unknown,
    ),
    fc.constant(Object.assign(Object.create(null) as object, value, { ["__proto__"]: { polluted: true } })),
    // Nested deeper than anyone expects.
    fc.constant(JSON.parse("[".repeat(500) + "]".repeat(500)) as unknown),
    // Not an object at all.
    hostileValue,
  );
}

export type Body = { raw: string } | { json: unknown } | null;

export function hostileBody(schema: z.ZodType | undefined): fc.Arbitrary<Body> {
  const shaped = schema ? fromZod(schema) : json;
  return fc.oneof(
    { weight: 5, arbitrary: shaped.chain(breakObject).map((v): Body => ({ json: v })) },
    { weight: 2, arbitrary: shaped.map((v): Body => ({ json: v })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom("{", '{"a":', "[1,2", "<xml/>", "null", '"just a string"', "x".repeat(120_000), "\uFEFF{}", "{}{}"),
          fc.string({ maxLength: 300 }),
        )
        .map((raw): Body => ({ raw })),
    },
    { weight: 1, arbitrary: fc.constant<Body>(null) },
  );
}

/**
 * A generated value as query text. String() throws on an object with no prototype (what a schema
 * with no keys, like `z.object({})`, lets the generator produce), which failed the generator, not the route.
 */
function asQueryText(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  } catch {
    return "[object]";
  }
}

export function hostileQuery(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const keys = schema ? Object.keys((z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema).properties ?? {}) : [];
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })) : fc.string({ maxLength: 10 });
  const value = fc.oneof(
    hostileString,
    schema
      ? fromZod(schema)
          .map((v) => (v && typeof v === "object" ? Object.values(v)[0] : v))
          .map(asQueryText)
      : fc.string(),
  );
  return fc
    .array(fc.tuple(key, value), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString());
}

// ---------------------------------------------------------------------------------------------
// The endpoints
// ---------------------------------------------------------------------------------------------

/** Each endpoint's zod schema, where one describes its input (the rest get generic JSON). */
export const SCHEMAS: Record<string, z.ZodType> = {
  "POST /api/cases": openCaseSchema,
  "POST /api/cases/[id]/events": appendEventSchema,
  "POST /api/cases/[id]/manager-decision": tabletDecisionSchema,
  "POST /api/session/pin": pinSignInSchema,
  "POST /api/session/password": passwordSignInSchema,
  "POST /api/session/seal-key": registerSealKeySchema,
  "POST /api/steps/sealed": sealedStepSchema,
  "POST /api/devices/pairing-codes": createPairingCodeSchema,
  "POST /api/devices/pair": pairDeviceSchema,
  "POST /api/admin/users": createUserSchema,
  "PUT /api/admin/users/[id]/credentials": resetCredentialsSchema,
  "POST /api/admin/locations": createLocationSchema,
  "PATCH /api/admin/locations/[id]": renameLocationSchema,
  "POST /api/admin/root-causes": addRootCauseTagSchema,
  "PATCH /api/admin/root-causes/[id]": renameRootCauseTagSchema,
  "PUT /api/admin/authority/[role]": setAuthorityLimitSchema,
  "POST /api/manager/cases/[id]/actions": updateActionSchema,
  "POST /api/manager/cases/[id]/close": closeCaseSchema,
  "POST /api/manager/cases/[id]/decision": managerDecisionSchema,
  "POST /api/manager/cases/[id]/notes": managerNoteSchema,
  "POST /api/manager/cases/[id]/reopen": reopenCaseSchema,
  "POST /api/manager/improvements": createImprovementSchema,
  "POST /api/manager/improvements/[id]/cases": linkCasesSchema,
  "POST /api/manager/improvements/[id]/status": setImprovementStatusSchema,
  "GET /api/manager/cases": queueQuerySchema,
  "GET /api/manager/cases.csv": queueQuerySchema,
  "GET /api/manager/insights": insightsQuerySchema,
  "GET /api/manager/held-steps": heldStepsQuerySchema,
  "GET /api/manager/held-steps/count": heldStepsCountQuerySchema,
  "POST /api/manager/held-steps/[id]/review": reviewHeldStepSchema,
  "POST /api/trainer/drills": assignDrillSchema,
  "POST /api/trainer/library/[id]/publish": publishCollectionSchema,
  "POST /api/heads-ups": raiseHeadsUpSchema,
  "POST /api/heads-ups/[id]/end": endHeadsUpSchema,
  "POST /api/heads-ups/[id]/tables": tellTableSchema,
  "POST /api/heads-up-cases": openHeadsUpCaseSchema,
  "POST /api/heads-up-cases/[id]/events": appendHeadsUpEventSchema,
  "POST /api/heads-up-cases/[id]/complaint": startComplaintSchema,
  "GET /api/live": liveQuerySchema,
  "GET /api/health": healthQuerySchema,
};

export type Endpoint = { key: string; method: string; pattern: string; file: string; params: string[]; visitor: Visitor };

const VISITOR_ORDER: Visitor[] = ["staff", "manager", "trainer", "admin"];

export function endpoints(): Endpoint[] {
  const found = discoverRoutes(path.resolve(__dirname, "..", "..", "..", "app"));
  return found.endpoints.map((key) => {
    const [method, pattern] = key.split(" ");
    const row = ENDPOINTS[key]?.expect;
    // Sign-in routes are tried signed out; registering a seal key needs a session to register it with.
    const signInRoute = pattern.startsWith("/api/session/") && pattern !== "/api/session/seal-key";
    const visitor: Visitor = signInRoute ? "signed-out" : (VISITOR_ORDER.find((v) => row?.[v] === "allow") ?? "admin");
    const params = [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
    return { key, method, pattern, file: found.files[`route ${pattern}`], params, visitor };
  });
}

// ---------------------------------------------------------------------------------------------
// The database: fixtures, sessions, and "did anything change?"
// ---------------------------------------------------------------------------------------------

export type Fixtures = { ids: string[]; cookies: Record<Visitor, string | null> };

export async function prepare(db: Db): Promise<Fixtures> {
  const amira = actorFor("usr-amira", "loc-harbour");
  const { caseId } = await openCase(db, amira, { clientEventId: "hostile-open-0001" });
  await appendEvent(db, amira, caseId, {
    clientEventId: "hostile-heard-0001",
    event: {
      type: "complaint_heard",
      data: { customerWords: "Cold soup", category: "food_quality", severity: 2, spot: "Table 1", mood: "upset" },
    },
  });
  await addManagerNote(db, actorFor("usr-maria", "loc-harbour"), caseId, { text: "Seen" }).catch(() => undefined);
  const { id: headsUpId } = await raiseHeadsUp(db, amira, {
    clientEventId: "hostile-heads-up-0001",
    kind: "sold_out",
    what: "Salmon sold out",
    reason: "More popular than expected",
    options: [
      { choice: "change", text: "Sea bass" },
      { choice: "wait", text: "Wait 20 minutes" },
    ],
  });
  const { caseId: headsUpCaseId } = await tellTable(db, amira, headsUpId, {
    clientEventId: "hostile-told-0001",
    spot: "Table 2",
    choice: "wait",
    option: "Wait 20 minutes",
  });
  // A held step (docs/decisions/0019), so some reviews get past "not found".
  const heldStep = await db.heldStep.create({
    data: {
      clientEventId: "hostile-held-0001",
      caseId,
      userId: "usr-amira",
      sessionId: "hostile-ended-session",
      kind: "event",
      payload: JSON.stringify({ event: { type: "note_added", data: { text: "Guest rang back" } } }),
      code: "playbook_refused",
      reason: "This case is closed.",
      locationId: "loc-harbour",
    },
    select: { id: true },
  });
  const tags = await db.rootCauseTag.findMany({ select: { id: true }, take: 2 });
  const session = async (userId: string) => `coach_session=${(await createSession(db, userId, "loc-harbour")).token}`;
  return {
    // Real ids, so some calls get past "not found" (not the signed-in people: deactivating them would end the run's sessions).
    ids: [caseId, headsUpId, headsUpCaseId, heldStep.id, "usr-ben", "usr-dev", "loc-harbour", "staff", "manager", ...tags.map((t) => t.id)],
    cookies: {
      "signed-out": null,
      staff: await session("usr-amira"),
      manager: await session("usr-maria"),
      trainer: await session("usr-tara"),
      admin: await session("usr-alex"),
    },
  };
}

/** A fingerprint of every row the app keeps, bookkeeping tables aside; cheap when nothing changed. */
export type Fingerprint = {
  /** Whether anything changed since the last call (and remembers the new state). */
  changed(): Promise<boolean>;
  close(): Promise<void>;
};

const UNWATCHED = ["_prisma_migrations", "Session", "SignInAttempt"];

/** SQLite: PRAGMA data_version says when another connection wrote; only then is the digest taken. */
export class SqliteFingerprint implements Fingerprint {
  private sqlite: Database.Database;
  private version: number;
  private digest: string;
  constructor(file: string) {
    this.sqlite = new Database(file, { readonly: true });
    this.version = this.dataVersion();
    this.digest = this.compute();
  }
  private dataVersion(): number {
    return this.sqlite.pragma("data_version", { simple: true }) as number;
  }
  private compute(): string {
    const tables = this.sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (${UNWATCHED.map((t) => `'${t}'`).join(", ")}) ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const hash = createHash("sha1");
    for (const table of tables) {
      hash.update(table);
      for (const row of this.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
    }
    return hash.digest("hex");
  }
  async changed(): Promise<boolean> {
    const version = this.dataVersion();
    if (version === this.version) return false;
    this.version = version;
    const digest = this.compute();
    const changed = digest !== this.digest;
    this.digest = digest;
    return changed;
  }
  async close() {
    this.sqlite.close();
  }
}

/**
 * PostgreSQL has no data_version: a statement-level trigger on every watched table (installed in
 * this test's own database only) counts writes into "_TestWrites", and only when that count moved
 * is every row hashed, so a write that changed nothing is not reported either.
 */
export class PostgresFingerprint implements Fingerprint {
  private version = -1n;
  private digest = "";
  private constructor(private readonly client: PgClient) {}
  static async open(url: string): Promise<PostgresFingerprint> {
    const client = new PgClient({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY tablename`,
      [[...UNWATCHED, "_TestWrites"]],
    );
    await client.query(`CREATE TABLE IF NOT EXISTS "_TestWrites" (n bigint NOT NULL); INSERT INTO "_TestWrites" SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM "_TestWrites");
      CREATE OR REPLACE FUNCTION "_test_count_write"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE "_TestWrites" SET n = n + 1; RETURN NULL; END $$;`);
    for (const { name } of rows) {
      await client.query(
        `CREATE OR REPLACE TRIGGER "_test_writes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${name}" FOR EACH STATEMENT EXECUTE FUNCTION "_test_count_write"()`,
      );
    }
    const fingerprint = new PostgresFingerprint(client);
    fingerprint.tables = rows.map((r) => r.name);
    fingerprint.version = await fingerprint.writes();
    fingerprint.digest = await fingerprint.compute();
    return fingerprint;
  }
  private tables: string[] = [];
  private async writes(): Promise<bigint> {
    const { rows } = await this.client.query<{ n: string }>(`SELECT n FROM "_TestWrites"`);
    return BigInt(rows[0]?.n ?? 0);
  }
  private async compute(): Promise<string> {
    const hash = createHash("sha1");
    for (const table of this.tables) {
      hash.update(table);
      const { rows } = await this.client.query<{ d: string | null }>(
        `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS d FROM "${table}" t`,
      );
      hash.update(rows[0]?.d ?? "");
    }
    return hash.digest("hex");
  }
  async changed(): Promise<boolean> {
    const version = await this.writes();
    if (version === this.version) return false;
    this.version = version;
    const digest = await this.compute();
    const changed = digest !== this.digest;
    this.digest = digest;
    return changed;
  }
  async close() {
    await this.client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// One call
// ---------------------------------------------------------------------------------------------

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function loadHandler(endpoint: Endpoint): Promise<Handler> {
  const routeModule = (await import(endpoint.file)) as Record<string, Handler | undefined>;
  const handler = routeModule[endpoint.method];
  if (!handler) throw new Error(`${endpoint.key}: no ${endpoint.method} export`);
  return handler;
}

export type Input = { params: Record<string, string>; query: string; body: Body; crossSite: boolean };

export function inputs(endpoint: Endpoint, fixtures: Fixtures): fc.Arbitrary<Input> {
  const schema = SCHEMAS[endpoint.key];
  const param = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fixtures.ids) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0) },
  );
  const params = fc.record(Object.fromEntries(endpoint.params.map((p) => [p, param])) as Record<string, fc.Arbitrary<string>>);
  const body = endpoint.method === "GET" ? fc.constant<Body>(null) : hostileBody(schema);
  const query = endpoint.method === "GET" ? hostileQuery(schema) : fc.constant("");
  return fc.record({ params, query, body, crossSite: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) });
}

export type Outcome = { status: number; text: string; contentType: string };

export async function call(handler: Handler, endpoint: Endpoint, fixtures: Fixtures, input: Input): Promise<Outcome> {
  const urlPath = endpoint.pattern.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(input.params[name] ?? "x"));
  const headers = new Headers({ "content-type": "application/json", host: "coach.test" });
  const cookie = fixtures.cookies[endpoint.visitor];
  if (cookie) headers.set("cookie", cookie);
  if (input.crossSite) {
    headers.set("origin", "https://evil.example");
    headers.set("sec-fetch-site", "cross-site");
  }
  currentCookies = new Map(cookie ? [[cookie.split("=")[0], cookie.split("=").slice(1).join("=")]] : []);
  const body = input.body === null ? undefined : "raw" in input.body ? input.body.raw : JSON.stringify(input.body.json);
  const request = new Request(`${ORIGIN}${urlPath}${input.query ? `?${input.query}` : ""}`, {
    method: endpoint.method,
    headers,
    body: endpoint.method === "GET" ? undefined : body,
  });
  const response = await handler(request, { params: Promise.resolve(input.params) });
  // Read the whole body: a stream that fails half-way (CSV) must count. A server-sent event stream
  // (GET /api/live) never ends by itself: its opening is read, then the client hangs up.
  const text = response.headers.get("content-type")?.startsWith("text/event-stream") ? await opening(response) : await response.text();
  return { status: response.status, text, contentType: response.headers.get("content-type") ?? "" };
}

async function opening(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

/** What is wrong with an outcome, or null. */
export function problemWith(outcome: Outcome, changed: boolean): string | null {
  if (outcome.status >= 500) return `answered ${outcome.status}: ${outcome.text.slice(0, 300)}`;
  if (outcome.status >= 400) {
    let message: unknown;
    try {
      message = (JSON.parse(outcome.text) as { error?: { message?: unknown; code?: unknown } }).error?.message;
    } catch {
      return `answered ${outcome.status} without a JSON error: ${outcome.text.slice(0, 200)}`;
    }
    if (typeof message !== "string" || message.trim().length < 5)
      return `answered ${outcome.status} without a clear message: ${outcome.text.slice(0, 200)}`;
    if (changed) return `answered ${outcome.status} but changed the database`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The suite (each test file runs one shard, so the two cores share the work)
// ---------------------------------------------------------------------------------------------

export type Context = { db: Db; file: string; fixtures: Fixtures; fingerprint: Fingerprint };

export async function setUp(create: () => Promise<{ db: Db; file: string; url: string }>): Promise<Context> {
  const { db, file, url } = await create();
  // The route handlers' getDb() answers with this test database.
  (globalThis as { coachDb?: Promise<Db> }).coachDb = Promise.resolve(db);
  const fixtures = await prepare(db);
  const fingerprint = engineOf(db) === "postgresql" ? await PostgresFingerprint.open(url) : new SqliteFingerprint(file);
  afterAll(() => fingerprint.close());
  return { db, file, fixtures, fingerprint };
}

export async function checkEndpoint(context: Context, endpoint: Endpoint): Promise<{ runs: number; status: Record<number, number> }> {
  const handler = await loadHandler(endpoint);
  const status: Record<number, number> = {};
  await fc.assert(
    fc.asyncProperty(inputs(endpoint, context.fixtures), async (input) => {
      await context.fingerprint.changed();
      const outcome = await call(handler, endpoint, context.fixtures, input);
      status[outcome.status] = (status[outcome.status] ?? 0) + 1;
      const problem = problemWith(outcome, await context.fingerprint.changed());
      if (problem) throw new Error(`${endpoint.key}: ${problem}`);
    }),
    { numRuns: RUNS },
  );
  return { runs: RUNS, status };
}

/** Shard `shard` of `of`: every route handler in it gets RUNS hostile inputs. */
export function describeHostileShard(context: Context, shard: number, of: number): void {
  describe(`hostile input, ${RUNS} runs per endpoint (shard ${shard + 1} of ${of})`, () => {
    for (const endpoint of endpoints().filter((_, index) => index % of === shard)) {
      it(`${endpoint.key} (as ${endpoint.visitor}): never 5xx; a 4xx explains itself and changes nothing`, async () => {
        const { status } = await checkEndpoint(context, endpoint);
        if (process.env.HOSTILE_VERBOSE) console.log(endpoint.key, JSON.stringify(status));
        const refused = Object.entries(status)
          .filter(([code]) => Number(code) >= 400)
          .reduce((n, [, count]) => n + count, 0);
        // Where a schema shapes the input, the breaking must show: most calls refused (a few
        // generated from the schema may be valid, and are then simply carried out).
        if (SCHEMAS[endpoint.key] && endpoint.method !== "GET") expect(refused / RUNS).toBeGreaterThan(0.5);
      }, 600_000);
    }
  });
}
