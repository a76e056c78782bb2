import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getCase } from "@/lib/cases/get-case";
import type { Db } from "@/lib/db/client";
import type { PlaybookEvent } from "@/lib/playbook";
import { actorFor } from "@/tests/support/actors";
import { addToCollection } from "@/lib/training/add-to-collection";
import { createCollection } from "@/lib/training/create-collection";
import { getPractice } from "@/lib/training/get-practice";
import { getPracticeSession } from "@/lib/training/get-practice-session";
import { getProgress } from "@/lib/training/get-progress";
import { getReplay } from "@/lib/training/get-replay";
import { listLibrary } from "@/lib/training/list-library";
import { listPracticeCases } from "@/lib/training/list-practice-cases";
import { listReplayCases } from "@/lib/training/list-replay-cases";
import { pinComment } from "@/lib/training/pin-comment";
import { startPractice } from "@/lib/training/start-practice";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";

// The route handlers run as they do in Next, with the session and database swapped for the test's.
const session = vi.hoisted(() => ({ db: null as Db | null, actor: null as Actor | null }));
vi.mock("@/lib/db/client", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/client")>();
  return {
    ...real,
    getDb: async () => {
      if (!session.db) throw new Error("no test database");
      return session.db;
    },
  };
});
vi.mock("@/lib/auth/current", async () => {
  const { AppError } = await import("@/lib/errors");
  const { can, refusalFor } = await import("@/lib/auth/policy");
  return {
    requireActor: async (need?: string | readonly string[]) => {
      const actor = session.actor;
      if (!actor) throw new AppError("unauthenticated", "Sign in first.");
      if (typeof need === "string" && !can(actor, need as Parameters<typeof can>[1]))
        throw new AppError("forbidden", refusalFor(need as Parameters<typeof can>[1]));
      if (Array.isArray(need) && !need.includes(actor.role)) throw new AppError("forbidden", "Your role cannot do this.");
      return actor;
    },
  };
});

const { db } = await createTestDb();
session.db = db;
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");

const EMAIL = "jo.guest@example.org";
const PHONE = "07700 900321";
const SECRETS = [EMAIL, "jo.guest", "example.org", PHONE, "07700900321", "900321", "+44 7700"];
/** Keys whose values are ids, dates or closed sets: everything else is something a person typed. */
const STRUCTURE = new Set([
  "id",
  "actionId",
  "dueAt",
  "reference",
  "locationId",
  "kind",
  "category",
  "mood",
  "feeling",
  "decision",
  "backTo",
  "status",
  "tags",
]);

/** Every piece of free text in an event gets the customer's contact details in it. */
function withContactDetails(value: unknown, key: string | null = null): unknown {
  if (key !== null && STRUCTURE.has(key)) return value;
  if (typeof value === "string") return `${value} (${EMAIL}, ${PHONE})`;
  if (Array.isArray(value)) return value.map((v) => withContactDetails(v));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withContactDetails(v, k)]));
  return value;
}

function expectNoContactDetails(label: string, output: unknown) {
  const text = typeof output === "string" ? output : JSON.stringify(output);
  for (const secret of SECRETS) expect(text, `${label} leaks “${secret}”`).not.toContain(secret);
}

let caseId: string;
let reference: string;
let collectionId: string;

beforeAll(async () => {
  const recorded = await recordCase(db, {
    staff: amira,
    manager: maria,
    at: new Date(Date.now() - 3 * 60 * 60_000),
    options: {
      severity: 4,
      mood: "furious",
      sayNo: true,
      escalate: "approved",
      compensationDeclinedOnce: true,
      compensationCents: 3000,
      readbackRefusedOnce: true,
      ventAt: "solve",
      note: "Birthday dinner.",
      followUp: true,
      spot: "Table 9",
      customerWords: `Cold food and a rude waiter. Reach me on +44 7700 900321 or ${EMAIL}.`,
    },
    edit: (e: PlaybookEvent): PlaybookEvent => ({ ...e, data: withContactDetails(e.data) }) as PlaybookEvent,
  });
  caseId = recorded.caseId;
  reference = recorded.reference;
  // The staff member's own view keeps the details: the test would prove nothing otherwise.
  const own = JSON.stringify(await getCase(db, amira, caseId));
  expect(own).toContain(EMAIL);
  expect(own).toContain(PHONE);
  expect(own).toContain("+44 7700 900321");
});

describe("no trainer-facing use-case returns a customer's email or phone number", () => {
  it("the case list, including a search for the details themselves", async () => {
    const list = await listReplayCases(db, tara, {});
    expect(list.rows.map((r) => r.id)).toEqual([caseId]);
    expectNoContactDetails("listReplayCases", list);
    expectNoContactDetails("search by reference", await listReplayCases(db, tara, { q: reference }));
    // Searching for the number or the address finds nothing: the search reads masked text.
    for (const q of ["07700", "900321", "example.org", "jo.guest", "@"]) expect((await listReplayCases(db, tara, { q })).total, q).toBe(0);
    expect((await listReplayCases(db, tara, { q: "removed" })).total).toBe(1);
  });

  it("the replay: log, history lines, rubric, comments", async () => {
    const replay = await getReplay(db, tara, caseId);
    expect(replay.log.length).toBeGreaterThan(20);
    expect(JSON.stringify(replay)).toContain("[email removed]");
    expectNoContactDetails("getReplay", replay);
    const comment = await pinComment(db, tara, caseId, { eventSequence: 2, text: "Great listening." });
    expectNoContactDetails("pinComment", comment);
    expectNoContactDetails("getReplay with comments", await getReplay(db, tara, caseId));
  });

  it("the library", async () => {
    const collection = await createCollection(db, tara, { name: "Furious guests" });
    collectionId = collection.id;
    expectNoContactDetails(
      "addToCollection",
      await addToCollection(db, tara, collectionId, { caseId, tags: ["furious"], note: "Watch the say-no." }),
    );
    expectNoContactDetails("listLibrary", await listLibrary(db, tara));
    expectNoContactDetails("listLibrary search", await listLibrary(db, tara, { q: "rude waiter" }));
    expect((await listLibrary(db, tara, { q: "07700" })).collections).toEqual([]);
  });

  it("progress", async () => {
    expectNoContactDetails("getProgress", await getProgress(db, tara));
  });

  it("the case as getCase gives it to a trainer", async () => {
    expectNoContactDetails("getCase", await getCase(db, tara, caseId));
  });

  it("practice on the case, for a colleague", async () => {
    expectNoContactDetails("listPracticeCases", await listPracticeCases(db, ben));
    expectNoContactDetails("getPractice", await getPractice(db, ben, caseId));
    const started = await startPractice(db, ben, caseId, { clientEventId: randomUUID() });
    expectNoContactDetails("startPractice", started);
    expectNoContactDetails("getPracticeSession", await getPracticeSession(db, ben, started.practiceCaseId));
  });
});

describe("no trainer-facing route handler returns them either", () => {
  const url = (path: string) => `http://localhost${path}`;
  const get = (path: string) => new Request(url(path));
  const send = (method: string, path: string, body: unknown) =>
    new Request(url(path), {
      method,
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
      body: JSON.stringify(body),
    });
  const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

  it("every GET a trainer can call, and every answer to their writes", async () => {
    session.actor = tara;
    const cases = await import("@/app/api/trainer/cases/route");
    const one = await import("@/app/api/trainer/cases/[id]/route");
    const comments = await import("@/app/api/trainer/cases/[id]/comments/route");
    const library = await import("@/app/api/trainer/library/route");
    const items = await import("@/app/api/trainer/library/[id]/cases/route");
    const item = await import("@/app/api/trainer/library/[id]/cases/[caseId]/route");
    const progress = await import("@/app/api/trainer/progress/route");
    const caseApi = await import("@/app/api/cases/[id]/route");

    const responses: [string, Response][] = [
      ["GET /api/trainer/cases", await cases.GET(get("/api/trainer/cases"))],
      ["GET /api/trainer/cases?q=", await cases.GET(get(`/api/trainer/cases?q=${encodeURIComponent(reference)}`))],
      ["GET /api/trainer/cases/[id]", await one.GET(get(`/api/trainer/cases/${caseId}`), params({ id: caseId }))],
      [
        "POST /api/trainer/cases/[id]/comments",
        await comments.POST(
          send("POST", `/api/trainer/cases/${caseId}/comments`, { eventSequence: 3, text: "Named it well." }),
          params({ id: caseId }),
        ),
      ],
      ["GET /api/trainer/library", await library.GET(get("/api/trainer/library"))],
      ["POST /api/trainer/library", await library.POST(send("POST", "/api/trainer/library", { name: "Say no graciously" }))],
      [
        "POST /api/trainer/library/[id]/cases",
        await items.POST(
          send("POST", `/api/trainer/library/${collectionId}/cases`, { caseId, tags: "say no" }),
          params({ id: collectionId }),
        ),
      ],
      ["GET /api/trainer/library?q=", await library.GET(get("/api/trainer/library?q=say"))],
      [
        "DELETE /api/trainer/library/[id]/cases/[caseId]",
        await item.DELETE(send("DELETE", `/api/trainer/library/${collectionId}/cases/${caseId}`, {}), params({ id: collectionId, caseId })),
      ],
      ["GET /api/trainer/progress", await progress.GET(get("/api/trainer/progress?weeks=12"))],
      ["GET /api/cases/[id]", await caseApi.GET(get(`/api/cases/${caseId}`), params({ id: caseId }))],
    ];
    for (const [label, response] of responses) {
      expect(response.status, `${label}: ${await response.clone().text()}`).toBeLessThan(300);
      expectNoContactDetails(label, await response.text());
    }
  });

  it("the CSV export is not available to a trainer at all", async () => {
    session.actor = tara;
    const csv = await import("@/app/api/manager/cases.csv/route");
    const response = await csv.GET(get("/api/manager/cases.csv"));
    expect(response.status).toBe(403);
    expectNoContactDetails("GET /api/manager/cases.csv", await response.text());
  });

  it("a colleague practising on the case gets it redacted too", async () => {
    session.actor = ben;
    const practice = await import("@/app/api/practice/[caseId]/route");
    const response = await practice.POST(send("POST", `/api/practice/${caseId}`, { clientEventId: randomUUID() }), params({ caseId }));
    expect(response.status).toBe(201);
    expectNoContactDetails("POST /api/practice/[caseId]", await response.text());
  });
});
