/**
 * The role matrix: for every page and every route handler in app/, what each kind of visitor
 * gets. tests/e2e/role-matrix.spec.ts checks every cell against the running server;
 * tests/integration/role-matrix-coverage.test.ts fails fast (no server) when a page or route
 * exists without a row here, or a row names something that no longer exists.
 *
 * Adding a page or route? Add its row, deciding who may use it. That is the point.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const VISITORS = ["signed-out", "staff", "manager", "trainer", "admin"] as const;
export type Visitor = (typeof VISITORS)[number];

/**
 * allow   page: 200. endpoint: the handler ran past authorisation (2xx, or 400/404/409 for the
 *         deliberately empty or made-up input the matrix sends), never 401/403.
 * refuse  page: redirected home with ?denied. endpoint: 403.
 * sign-in page: redirected to /sign-in. endpoint: 401.
 * home    page: redirected to / (the sign-in page, for someone already signed in).
 */
export type Outcome = "allow" | "refuse" | "sign-in" | "home";
export type Row = Record<Visitor, Outcome>;

export type Fixtures = { caseId: string; headsUpId: string; headsUpCaseId: string };

export type Entry = {
  expect: Row;
  /** A concrete URL for a dynamic pattern; defaults to the pattern with each [param] filled in below. */
  sample?: (f: Fixtures) => string;
  /** JSON body for mutating calls; `{}` unless given, so an allowed call stops at validation. */
  body?: unknown;
  /** Run this cell in a throwaway session (e.g. sign-out would end the visitor's session). */
  fresh?: true;
  /** A server-sent event stream that never ends by itself: the answer's status is read, then the connection dropped. */
  stream?: true;
};

const everyone: Row = { "signed-out": "allow", staff: "allow", manager: "allow", trainer: "allow", admin: "allow" };
const signedIn: Row = { "signed-out": "sign-in", staff: "allow", manager: "allow", trainer: "allow", admin: "allow" };
const caseWorkers: Row = { "signed-out": "sign-in", staff: "allow", manager: "allow", trainer: "refuse", admin: "allow" };
const managers: Row = { "signed-out": "sign-in", staff: "refuse", manager: "allow", trainer: "refuse", admin: "allow" };
const admins: Row = { "signed-out": "sign-in", staff: "refuse", manager: "refuse", trainer: "refuse", admin: "allow" };
/** Replay, comments and the case library (trainer.replay, trainer.coach). */
const trainers: Row = { "signed-out": "sign-in", staff: "refuse", manager: "refuse", trainer: "allow", admin: "allow" };
/** Progress (trainer.progress): trainers and managers. */
const coaches: Row = { "signed-out": "sign-in", staff: "refuse", manager: "allow", trainer: "allow", admin: "allow" };

/** An id that exists nowhere: an allowed admin call answers 404 and changes nothing. */
export const NO_SUCH_ID = "matrix-no-such-id";
const caseUrl =
  (rest = "") =>
  (f: Fixtures) =>
    `/cases/${f.caseId}${rest}`;
const apiCaseUrl =
  (rest = "") =>
  (f: Fixtures) =>
    `/api/cases/${f.caseId}${rest}`;

/** Pages, by their app/ pattern. */
export const PAGES: Record<string, Entry> = {
  "/": { expect: signedIn },
  "/sign-in": { expect: { "signed-out": "allow", staff: "home", manager: "home", trainer: "home", admin: "home" } },
  // The matrix's case is live: trainers read a case only once it has ended (issue 10.7).
  "/cases/[id]": { expect: caseWorkers, sample: caseUrl() },
  // The offline case shell: static, nobody's data in it (the case comes from the tablet's IndexedDB).
  "/cases/offline": { expect: everyone },
  // Pairing a tablet: anyone with the manager's one-time code (the code is the permission).
  "/pair": { expect: everyone },
  "/manager/tablets": { expect: managers },
  "/admin/tablets": { expect: admins },
  "/admin": { expect: admins },
  "/admin/people": { expect: admins },
  "/admin/locations": { expect: admins },
  "/admin/root-causes": { expect: admins },
  "/admin/authority": { expect: admins },
  "/manager": { expect: managers },
  "/manager/cases": { expect: managers },
  "/manager/cases/[id]": { expect: managers, sample: (f) => `/manager/cases/${f.caseId}` },
  "/manager/improvements": { expect: managers },
  "/manager/insights": { expect: managers },
  "/manager/held-steps": { expect: managers },
  // Training (lib/training): the matrix's case is still open, so replay and practice pages say so (200).
  "/trainer": { expect: trainers },
  "/trainer/cases/[id]": { expect: trainers, sample: (f) => `/trainer/cases/${f.caseId}` },
  "/trainer/library": { expect: trainers },
  "/trainer/practice": { expect: trainers },
  "/trainer/reactions": { expect: trainers },
  "/trainer/progress": { expect: coaches },
  "/feedback": { expect: caseWorkers },
  "/practice": { expect: caseWorkers },
  "/practice/[caseId]": { expect: caseWorkers, sample: (f) => `/practice/${f.caseId}` },
  // Heads-ups (lib/heads-ups): the people on the floor; a made-up id is not found (404 page).
  "/heads-ups": { expect: caseWorkers },
  "/heads-ups/[id]": { expect: caseWorkers, sample: (f) => `/heads-ups/${f.headsUpId}` },
  "/heads-up-cases/[id]": { expect: caseWorkers, sample: (f) => `/heads-up-cases/${f.headsUpCaseId}` },
  "/trainer/heads-up-cases/[id]": { expect: trainers, sample: (f) => `/trainer/heads-up-cases/${f.headsUpCaseId}` },
};

/** Route handlers, as "METHOD /pattern". */
export const ENDPOINTS: Record<string, Entry> = {
  "POST /api/session/pin": { expect: everyone },
  "POST /api/session/password": { expect: everyone },
  "POST /api/session/sign-out": { expect: everyone, fresh: true },
  "GET /api/session": { expect: signedIn },
  "POST /api/session/seal-key": { expect: signedIn },
  // Sealed steps need no session: the seal says whose step it is (lib/steps/append-sealed-step.ts).
  "POST /api/steps/sealed": { expect: everyone },
  "POST /api/devices/pairing-codes": { expect: managers },
  "POST /api/devices/pair": { expect: everyone },
  // The load balancer's probe: open to anyone, as a probe must be; it answers {status} and nothing else.
  "GET /api/health": { expect: everyone },
  "POST /api/devices/[id]/revoke": { expect: managers },

  "POST /api/cases": { expect: caseWorkers },
  "GET /api/cases/[id]": { expect: caseWorkers, sample: apiCaseUrl() },
  "POST /api/cases/[id]/events": { expect: caseWorkers, sample: apiCaseUrl("/events") },
  "POST /api/cases/[id]/manager-decision": { expect: caseWorkers, sample: apiCaseUrl("/manager-decision") },
  "GET /api/cases/[id]/repeat-warning": { expect: caseWorkers, sample: apiCaseUrl("/repeat-warning") },

  "POST /api/admin/users": { expect: admins },
  "POST /api/admin/users/[id]/deactivate": { expect: admins },
  "POST /api/admin/users/[id]/reactivate": { expect: admins },
  "PUT /api/admin/users/[id]/credentials": { expect: admins, body: { pin: "4827" } },
  "POST /api/admin/locations": { expect: admins },
  "PATCH /api/admin/locations/[id]": { expect: admins, body: { name: "Nowhere" } },
  "POST /api/admin/root-causes": { expect: admins },
  "PATCH /api/admin/root-causes/[id]": { expect: admins, body: { label: "Nothing" } },
  "POST /api/admin/root-causes/[id]/deactivate": { expect: admins },
  "POST /api/admin/root-causes/[id]/reactivate": { expect: admins },
  "PUT /api/admin/authority/[role]": { expect: admins, sample: () => "/api/admin/authority/no-such-role", body: { pounds: "1" } },

  // The manager's desk (app/api/manager): managers and admins, at their own locations.
  "GET /api/manager/board": { expect: managers },
  "GET /api/manager/cases": { expect: managers },
  "GET /api/manager/cases.csv": { expect: managers },
  "GET /api/manager/improvements": { expect: managers },
  "GET /api/manager/insights": { expect: managers },
  "POST /api/manager/cases/[id]/actions": { expect: managers },
  "POST /api/manager/cases/[id]/close": { expect: managers },
  "POST /api/manager/cases/[id]/decision": { expect: managers },
  "POST /api/manager/cases/[id]/notes": { expect: managers },
  "POST /api/manager/cases/[id]/reopen": { expect: managers },
  "POST /api/manager/improvements": { expect: managers },
  "POST /api/manager/improvements/[id]/cases": { expect: managers },
  "POST /api/manager/improvements/[id]/status": { expect: managers },
  // Held steps (docs/decisions/0019): a made-up id is 404 for a manager, and a venue's held steps are its managers' only.
  "GET /api/manager/held-steps": { expect: managers },
  "GET /api/manager/held-steps/count": { expect: managers },
  "POST /api/manager/held-steps/[id]/review": { expect: managers },

  // Training (lib/training). Customer details never reach a trainer: see tests/integration/trainer-redaction.test.ts.
  "GET /api/trainer/cases": { expect: trainers },
  "GET /api/trainer/cases/[id]": { expect: trainers, sample: (f) => `/api/trainer/cases/${f.caseId}` },
  "POST /api/trainer/cases/[id]/comments": { expect: trainers, sample: (f) => `/api/trainer/cases/${f.caseId}/comments` },
  "GET /api/trainer/library": { expect: trainers },
  "POST /api/trainer/library": { expect: trainers },
  "POST /api/trainer/library/[id]/cases": { expect: trainers },
  "DELETE /api/trainer/library/[id]/cases/[caseId]": { expect: trainers },
  "POST /api/trainer/library/[id]/publish": { expect: trainers },
  "POST /api/trainer/drills": { expect: trainers },
  "GET /api/trainer/progress": { expect: coaches },
  "GET /api/feedback": { expect: caseWorkers },
  "POST /api/feedback/comments/[id]/acknowledge": { expect: caseWorkers },
  "POST /api/practice/[caseId]": { expect: caseWorkers, sample: (f) => `/api/practice/${f.caseId}` },

  // Heads-ups: everyone who works the floor at the venue; never trainers, never another venue.
  "GET /api/floor": { expect: caseWorkers },
  // Live change notices (docs/decisions/0026): the people on live cases and their managers; trainers see ended cases only.
  "GET /api/live": { expect: caseWorkers, stream: true },
  "POST /api/heads-ups": { expect: caseWorkers },
  "POST /api/heads-ups/[id]/end": { expect: caseWorkers },
  "POST /api/heads-ups/[id]/tables": { expect: caseWorkers },
  "POST /api/heads-up-cases": { expect: caseWorkers },
  "POST /api/heads-up-cases/[id]/events": { expect: caseWorkers },
  "POST /api/heads-up-cases/[id]/complaint": { expect: caseWorkers },
};

/** The URL a cell requests: the entry's sample, or the pattern with made-up ids. */
export function urlFor(pattern: string, fixtures: Fixtures, entry?: Entry): string {
  if (entry?.sample) return entry.sample(fixtures);
  return pattern.replace(/\[\[?\.{0,3}(\w+)\]?\]/g, () => NO_SUCH_ID);
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The URL pattern of a folder under app/: route groups and parallel slots leave no segment. */
function patternOf(segments: string[]): string {
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return "/" + kept.join("/");
}

export type Discovered = {
  pages: string[];
  endpoints: string[];
  /** The file behind each page pattern and each endpoint's route pattern. */
  files: Record<string, string>;
};

/** Every page and every route handler (with its exported methods) under app/. */
export function discoverRoutes(appDir = path.resolve(__dirname, "..", "..", "app")): Discovered {
  const pages: string[] = [];
  const endpoints: string[] = [];
  const files: Record<string, string> = {};
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue; // private folders are not routes
        walk(path.join(dir, entry.name), [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) {
        pages.push(patternOf(segments));
        files[`page ${patternOf(segments)}`] = path.join(dir, entry.name);
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        files[`route ${patternOf(segments)}`] = path.join(dir, entry.name);
        const source = readFileSync(path.join(dir, entry.name), "utf8");
        const methods = HTTP_METHODS.filter((m) =>
          new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(source),
        );
        if (methods.length === 0) endpoints.push(`? ${patternOf(segments)}`);
        for (const m of methods) endpoints.push(`${m} ${patternOf(segments)}`);
      }
    }
  };
  walk(appDir, []);
  return { pages: pages.sort(), endpoints: endpoints.sort(), files };
}

/** What the table is missing, and what it lists that no longer exists. */
export function coverageGaps(found = discoverRoutes()) {
  return {
    pagesWithoutRow: found.pages.filter((p) => !(p in PAGES)),
    endpointsWithoutRow: found.endpoints.filter((e) => !(e in ENDPOINTS)),
    staleRows: [
      ...Object.keys(PAGES).filter((p) => !found.pages.includes(p)),
      ...Object.keys(ENDPOINTS).filter((e) => !found.endpoints.includes(e)),
    ],
  };
}
