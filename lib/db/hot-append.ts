import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { Pool, types, type PoolConfig } from "pg";
import { backgroundCheckpointsOf, FOREGROUND_AUTOCHECKPOINT_PAGES } from "./checkpoints";
import { engineOf, idleTimeoutOf, urlOf } from "./engine";
import { hasBrand } from "@/lib/errors";

/**
 * The append's hot path in raw SQL (docs/decisions/0029). Why not Prisma here: an append is the
 * request a tablet sends for every step, and through Prisma it cost ~7 ms of CPU against Next's
 * ~1.4 ms floor (decision 22) — the query interpreter, the better-sqlite3 adapter preparing every
 * statement again on every call, one round trip per statement (BEGIN, UPDATE, INSERT, COMMIT,
 * pg_notify) on PostgreSQL. Here the few statements of the common step — a step that changes only
 * the Case row (lib/cases/write-projection.ts planProjection: `children` false) — are prepared
 * once per connection and the write is one transaction (SQLite) or one statement (PostgreSQL).
 * The common opening too (lib/cases/open-case.ts): one read (the venue's time zone and the role's
 * limit), then the Case row and its case_opened event inserted together.
 * Everything else (child tables, practice and heads-up openings, a resend or a taken id, the
 * retry's checks) keeps the Prisma path, which stays the reference:
 * tests/integration/hot-append.test.ts writes the same log both ways and compares the rows.
 *
 * SQLite: its own better-sqlite3 connection to the same file. Every write in this process is
 * queued (./write-lock.ts), so this connection and Prisma's never write at the same moment; the
 * transaction is synchronous from BEGIN to COMMIT (it never holds the write lock across an await),
 * and its busy timeout is 0: if another connection (another process, or a Prisma write outside
 * the queue) holds the lock, the caller falls back to the Prisma path, which waits as before.
 * PostgreSQL: its own small pool, named (prepared-once) statements; the Case row update, the
 * event insert and the live notice (pg_notify, sent at COMMIT) in one statement.
 */

/** The Case row's projection columns with their SQL types; one fixed list, so one prepared UPDATE serves every step. */
const CASE_ROW_COLUMNS = {
  stage: "text",
  status: "text",
  category: "text",
  severity: "int",
  spot: "text",
  mood: "text",
  customerWords: "text",
  feeling: "text",
  ourFault: "bool",
  chosenSolution: "text",
  readbackAccepted: "bool",
  readbackOutcome: "text",
  readbackRefusals: "int",
  returnsToListen: "int",
  preventionNote: "text",
  abandonReason: "text",
  eventCount: "int",
  openedAt: "time",
  firstApologyAt: "time",
  resolvedAt: "time",
  closedAt: "time",
  lastEventAt: "time",
  isPractice: "bool",
  openedLocalDay: "text",
  firstApologyMs: "bigint",
  resolutionMs: "bigint",
  remedyCents: "bigint",
} as const;

type ColumnType = (typeof CASE_ROW_COLUMNS)[keyof typeof CASE_ROW_COLUMNS];
type ValueOf<T extends ColumnType> = T extends "text"
  ? string
  : T extends "int"
    ? number
    : T extends "bool"
      ? boolean
      : T extends "time"
        ? Date
        : bigint;

/** Every projection column of the Case row (lib/playbook/projection.ts `row`). */
export type CaseRowColumns = { [K in keyof typeof CASE_ROW_COLUMNS]: ValueOf<(typeof CASE_ROW_COLUMNS)[K]> | null };
const COLUMNS = Object.keys(CASE_ROW_COLUMNS) as (keyof typeof CASE_ROW_COLUMNS)[];

/** What an append reads first: the case, its location's time zone and its stored state. */
export type HotCaseRead = {
  id: string;
  reference: string;
  locationId: string;
  location: { timezone: string };
  eventCount: number;
  stateSnapshot: string | null;
  stateSequence: number | null;
};

/** One step to store: the event, the whole projected row, the new snapshot, and the row's eventCount it was computed from. */
export type HotStep = {
  caseId: string;
  /** The Case row's eventCount as this append read it: the write is refused (HotRaced) if another writer has moved it since. */
  expectedCount: number;
  row: CaseRowColumns;
  /**
   * The columns of `row` that differ from the stored row. SQLite writes only these: a column in an
   * UPDATE's SET list rewrites every index that holds it, changed or not, and the Case row has
   * sixteen. PostgreSQL writes the whole row (one prepared statement); its updates add index
   * entries whatever the SET list says once an indexed column (lastEventAt, on every step) changes.
   */
  changed: readonly (keyof CaseRowColumns)[];
  stateSnapshot: string;
  stateSequence: number;
  event: {
    sequence: number;
    type: string;
    payload: string;
    actorId: string;
    actorRole: string;
    at: Date;
    clientEventId: string;
    result: string;
  };
  /** PostgreSQL: the live notice, sent by the same statement (delivered at COMMIT). */
  notify?: { channel: string; payload: string };
};

/** What an opening reads first: its location's time zone and the role's authority limit (one statement). */
export type HotOpeningContext = { timezone: string; authorityLimitCents: number };

/** A new case to store: its whole row (as Prisma's create + writeProjection leave it) and its case_opened event. */
export type HotOpening = {
  caseId: string;
  reference: string;
  locationId: string;
  openedById: string;
  row: CaseRowColumns;
  stateSnapshot: string;
  event: Omit<HotStep["event"], "sequence">;
  /** PostgreSQL: the live notice, sent by the same statement (delivered at COMMIT). */
  notify?: { channel: string; payload: string };
};

/** The session lookup's row (lib/auth/sessions.ts), one per location of the user. */
export type HotSessionRow = {
  id: string;
  locationId: string | null;
  deviceId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  name: string;
  role: string;
  active: boolean;
  deviceRowId: string | null;
  deviceTokenHash: string | null;
  deviceRevokedAt: Date | null;
  memberOf: string | null;
};

const HOT_RACED: unique symbol = Symbol.for("complaint-coach.HotRaced");
const HOT_BUSY: unique symbol = Symbol.for("complaint-coach.HotBusy");

/** Another writer moved the case between our read and our write: nothing was stored; retry (lib/db/contention.ts). */
export class HotRaced extends Error {
  readonly [HOT_RACED] = true;
  /** By mark, not by class: the appender may be another chunk's copy of this module (lib/errors.ts hasBrand). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, HOT_RACED);
  }
  constructor(caseId: string) {
    super(`Case ${caseId} was appended to by another writer first`);
    this.name = "HotRaced";
  }
}

/** SQLite's write lock is held by another connection: nothing was stored; the caller uses the Prisma path. */
export class HotBusy extends Error {
  readonly [HOT_BUSY] = true;
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, HOT_BUSY);
  }
  constructor() {
    super("The SQLite file is being written by another connection");
    this.name = "HotBusy";
  }
}

export type HotAppender = {
  /** The published notice is part of `store` (PostgreSQL), or left to the caller (SQLite). */
  readonly notifiesInStore: boolean;
  readCase(caseId: string): Promise<HotCaseRead | null>;
  /** Stores the event and the row together, or throws HotRaced / HotBusy / the driver's unique violation. */
  store(step: HotStep): Promise<void>;
  sessionRows(tokenHash: string): Promise<HotSessionRow[]>;
  /**
   * The session's rows and, in the same statement, the case `caseId` when the session's user works
   * at its location (null when there is no such case or it is elsewhere: the caller reads it
   * itself to say which). The caller checks the session before it uses the case.
   */
  sessionRowsWithCase(tokenHash: string, caseId: string): Promise<{ rows: HotSessionRow[]; knownCase: HotCaseRead | null }>;
  /**
   * The seal key `keyId` with its session's rows (none when there is no such key), and with
   * `caseId` the case as sessionRowsWithCase reads it (null when not asked for).
   */
  sealKeyRows(keyId: string, caseId?: string): Promise<{ rows: HotSealKeyRow[]; knownCase: HotCaseRead | null }>;
  /** The location's time zone and the role's limit (0 when the role has none); null when there is no such location. */
  openingContext(locationId: string, role: string): Promise<HotOpeningContext | null>;
  /**
   * Inserts the Case row and its first event together, or throws HotBusy or the driver's unique
   * violation (the case id, the reference or the clientEventId already taken): nothing stored.
   */
  open(opening: HotOpening): Promise<void>;
  close(): Promise<void>;
};

const CASE_READ = `SELECT c."id", c."reference", c."locationId", l."timezone", c."eventCount", c."stateSnapshot", c."stateSequence"
  FROM "Case" c JOIN "Location" l ON l."id" = c."locationId" WHERE c."id" = $1`;

const SESSION_COLUMNS = `s."id", s."locationId", s."deviceId", s."lastSeenAt", s."expiresAt", s."revokedAt",
    u."id" AS "userId", u."name", u."role", u."active",
    d."id" AS "deviceRowId", d."tokenHash" AS "deviceTokenHash", d."revokedAt" AS "deviceRevokedAt",
    ul."locationId" AS "memberOf"`;
const SESSION_USER_JOINS = `JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Device" d ON d."id" = s."deviceId"
    LEFT JOIN "UserLocation" ul ON ul."userId" = u."id"`;
const SESSION_JOINS = `FROM "Session" s
    ${SESSION_USER_JOINS}`;

/** The session lookup (lib/auth/sessions.ts), one row per location of the user; Prisma runs it when there is no hot path. */
export const SESSION_READ = `SELECT ${SESSION_COLUMNS}
  ${SESSION_JOINS}
  WHERE s."tokenHash" = $1
  ORDER BY ul."locationId"`;

/** The case's columns and joins for a read beside a session's rows: on the row of the user's venue the case is at ($1 the case). */
const CASE_ON_SESSION_COLUMNS = `c."reference" AS "caseReference", l."timezone" AS "caseTimezone", c."eventCount" AS "caseEventCount",
    c."stateSnapshot" AS "caseStateSnapshot", c."stateSequence" AS "caseStateSequence"`;
const CASE_ON_SESSION_JOINS = `LEFT JOIN "Case" c ON c."id" = $1 AND c."locationId" = ul."locationId"
    LEFT JOIN "Location" l ON l."id" = c."locationId"`;

/**
 * The session lookup with the case a step is for (docs/decisions/0041): the case's columns ride on
 * the row of the user's location the case is at, and are null on every other row, so the case is
 * read only for someone who works where it is (whether the session is valid the caller decides, as
 * ever, before looking at it). One round trip where the session and the case took two.
 * Parameters in the order they appear ($1 the case, $2 the token): SQLite's copy numbers them by position.
 */
const SESSION_WITH_CASE_READ = `SELECT ${SESSION_COLUMNS}, ${CASE_ON_SESSION_COLUMNS}
  ${SESSION_JOINS}
    ${CASE_ON_SESSION_JOINS}
  WHERE s."tokenHash" = $2
  ORDER BY ul."locationId"`;

/**
 * A sealed step's key with the session it was made for, one row per location of its user
 * (lib/steps/sealing-session.ts): one statement where Prisma's nested include sent four. With
 * the case the tablet says the step is for (sent beside the seal), as SESSION_WITH_CASE_READ: the
 * case's columns on the row of the user's venue it is at; with none ($1 null), no case. The sealed
 * step names its own case; the caller uses this row only when the two agree.
 * Parameters in the order they appear ($1 the case, $2 the key): SQLite's copy numbers them by position.
 */
const SEAL_KEY_READ = `SELECT k."secret", ${SESSION_COLUMNS}, ${CASE_ON_SESSION_COLUMNS}
  FROM "SealKey" k JOIN "Session" s ON s."id" = k."sessionId"
    ${SESSION_USER_JOINS}
    ${CASE_ON_SESSION_JOINS}
  WHERE k."id" = $2
  ORDER BY ul."locationId"`;

/** SEAL_KEY_READ's row: the key's secret beside the session's columns (and the case's, when asked for). */
export type HotSealKeyRow = HotSessionRow & { secret: string };

type CaseColumnsOnSession = {
  caseReference: string | null;
  caseTimezone: string | null;
  caseEventCount: number | null;
  caseStateSnapshot: string | null;
  caseStateSequence: number | null;
};

/** The session's rows (the case's columns left on them, unread), and the case from the one row that carries it. */
function splitSessionAndCase<R extends HotSessionRow & CaseColumnsOnSession>(
  rows: R[],
  caseId: string | null,
): { rows: R[]; knownCase: HotCaseRead | null } {
  for (const { caseReference, caseTimezone, caseEventCount, caseStateSnapshot, caseStateSequence, memberOf } of rows) {
    if (caseId === null || caseReference === null || caseTimezone === null || caseEventCount === null || memberOf === null) continue;
    const knownCase = {
      id: caseId,
      reference: caseReference,
      locationId: memberOf,
      location: { timezone: caseTimezone },
      eventCount: caseEventCount,
      stateSnapshot: caseStateSnapshot,
      stateSequence: caseStateSequence,
    };
    return { rows, knownCase };
  }
  return { rows, knownCase: null };
}

/**
 * An opening's one read: the location's time zone with the role's limit (lib/cases/authority-limit.ts).
 * Parameters in the order they appear ($1 the role, $2 the location): SQLite's copy numbers them by position.
 */
const OPENING_READ = `SELECT l."timezone", (SELECT a."limitCents" FROM "RoleAuthority" a WHERE a."role" = $1) AS "authorityLimitCents"
  FROM "Location" l WHERE l."id" = $2`;

/** The columns an opening inserts: every column of the Case row (none is left to a default). */
const OPENING_COLUMNS = ["id", "reference", "locationId", "openedById", ...COLUMNS, "stateSnapshot", "stateSequence"];

const EVENT_COLUMNS = `"id", "caseId", "sequence", "type", "payload", "actorId", "actorRole", "at", "clientEventId", "result"`;

type OpeningReadRow = { timezone: string; authorityLimitCents: number | null };
const fromOpeningRead = (row: OpeningReadRow | undefined): HotOpeningContext | null =>
  row ? { timezone: row.timezone, authorityLimitCents: row.authorityLimitCents ?? 0 } : null;

type CaseReadRow = Omit<HotCaseRead, "location"> & { timezone: string };

function fromCaseRead(row: CaseReadRow | undefined): HotCaseRead | null {
  if (!row) return null;
  const { timezone, ...rest } = row;
  return { ...rest, location: { timezone } };
}

// ---------------------------------------------------------------- SQLite

type SqliteValue = string | number | bigint | null;

/** How Prisma's better-sqlite3 adapter stores a DateTime (its default "iso8601" format), so both writers store the same text. */
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

function sqliteValue(type: ColumnType, value: CaseRowColumns[keyof CaseRowColumns]): SqliteValue {
  if (value === null) return null;
  if (type === "bool") return value ? 1 : 0;
  if (value instanceof Date) return sqliteTime(value);
  return value as SqliteValue;
}

type SqliteSessionRow = Omit<HotSessionRow, "lastSeenAt" | "expiresAt" | "revokedAt" | "deviceRevokedAt" | "active"> & {
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  deviceRevokedAt: string | null;
  active: number;
};

function sqliteAppender(url: string, checkpointsElsewhere: boolean): HotAppender {
  const file = url.replace(/^file:/, "");
  const conn = new Database(file);
  conn.pragma("journal_mode = WAL");
  // The server's checkpoints run on a worker thread (./checkpoints.ts): this connection's own is a safety net.
  if (checkpointsElsewhere) conn.pragma(`wal_autocheckpoint = ${FOREGROUND_AUTOCHECKPOINT_PAGES}`);
  // 0: never block this thread waiting for another connection's lock (see the header).
  conn.pragma("busy_timeout = 0");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  const q = (sql: string) => sql.replace(/\$\d+/g, "?");
  const readCase = conn.prepare<[string], CaseReadRow>(q(CASE_READ));
  const readSession = conn.prepare<[string], SqliteSessionRow>(q(SESSION_READ));
  const readSealKey = conn.prepare<[string | null, string], SqliteSessionRow & { secret: string } & CaseColumnsOnSession>(q(SEAL_KEY_READ));
  const readSessionWithCase = conn.prepare<[string, string], SqliteSessionRow & CaseColumnsOnSession>(q(SESSION_WITH_CASE_READ));
  // One prepared UPDATE per set of changed columns (a note changes two; a handful of sets cover every step).
  const updates = new Map<string, Database.Statement<SqliteValue[]>>();
  const updateFor = (columns: readonly (keyof CaseRowColumns)[]) => {
    const key = columns.join(",");
    let statement = updates.get(key);
    if (!statement) {
      const set = [...columns.map((c) => `"${c}" = ?`), `"stateSnapshot" = ?`, `"stateSequence" = ?`].join(", ");
      statement = conn.prepare<SqliteValue[]>(`UPDATE "Case" SET ${set} WHERE "id" = ? AND "eventCount" = ?`);
      updates.set(key, statement);
    }
    return statement;
  };
  const insert = conn.prepare<SqliteValue[]>(`INSERT INTO "CaseEvent" (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = (caseId: string, sequence: number, e: Omit<HotStep["event"], "sequence">) =>
    insert.run(randomUUID(), caseId, sequence, e.type, e.payload, e.actorId, e.actorRole, sqliteTime(e.at), e.clientEventId, e.result);
  const write = conn.transaction((step: HotStep) => {
    // In COLUMNS' order, so one column set is one statement however the caller listed it.
    const columns = COLUMNS.filter((c) => step.changed.includes(c));
    const values = columns.map((c) => sqliteValue(CASE_ROW_COLUMNS[c], step.row[c]));
    const changed = updateFor(columns).run(...values, step.stateSnapshot, step.stateSequence, step.caseId, step.expectedCount).changes;
    if (changed !== 1) throw new HotRaced(step.caseId);
    insertEvent(step.caseId, step.event.sequence, step.event);
  });
  const readOpening = conn.prepare<[string, string], OpeningReadRow>(q(OPENING_READ));
  const insertCase = conn.prepare<SqliteValue[]>(
    `INSERT INTO "Case" (${OPENING_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${OPENING_COLUMNS.map(() => "?").join(", ")})`,
  );
  const writeOpening = conn.transaction((o: HotOpening) => {
    const values = COLUMNS.map((c) => sqliteValue(CASE_ROW_COLUMNS[c], o.row[c]));
    insertCase.run(o.caseId, o.reference, o.locationId, o.openedById, ...values, o.stateSnapshot, 1);
    insertEvent(o.caseId, 1, o.event);
  });
  const time = (s: string | null) => (s === null ? null : new Date(s));
  // Generic: the seal key's secret and the case's columns ride along as they are.
  const fromSqliteSession = <R extends SqliteSessionRow>(r: R) => ({
    ...r,
    lastSeenAt: new Date(r.lastSeenAt),
    expiresAt: new Date(r.expiresAt),
    revokedAt: time(r.revokedAt),
    deviceRevokedAt: time(r.deviceRevokedAt),
    active: r.active === 1,
  });
  // SQLITE_BUSY (a write lock held elsewhere; rarely a read during WAL recovery) as HotBusy: the caller goes the Prisma way.
  const call = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if ((error as { code?: unknown }).code === "SQLITE_BUSY") throw new HotBusy();
      throw error;
    }
  };
  return {
    notifiesInStore: false,
    readCase: async (caseId) => fromCaseRead(call(() => readCase.get(caseId))),
    store: async (step) => call(() => write.immediate(step)),
    openingContext: async (locationId, role) => fromOpeningRead(call(() => readOpening.get(role, locationId))),
    open: async (opening) => call(() => writeOpening.immediate(opening)),
    sessionRows: async (tokenHash) => call(() => readSession.all(tokenHash)).map(fromSqliteSession),
    sealKeyRows: async (keyId, caseId) =>
      splitSessionAndCase(call(() => readSealKey.all(caseId ?? null, keyId)).map(fromSqliteSession), caseId ?? null),
    sessionRowsWithCase: async (tokenHash, caseId) =>
      splitSessionAndCase(call(() => readSessionWithCase.all(caseId, tokenHash)).map(fromSqliteSession), caseId),
    close: async () => {
      conn.close();
    },
  };
}

// ---------------------------------------------------------------- PostgreSQL

const PG_CAST: Record<ColumnType, string> = { text: "text", int: "int", bool: "boolean", time: "timestamp(3)", bigint: "bigint" };

/** TIMESTAMP(3) holds UTC (as Prisma's adapter writes it): sent and read as UTC text, whatever the process's time zone. */
const pgTime = (d: Date) => d.toISOString().slice(0, -1);
const TIMESTAMP_OID = 1114;
const pgTypes: PoolConfig["types"] = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : types.getTypeParser(oid, format ?? "text")) as typeof types.getTypeParser,
};

function pgValue(value: CaseRowColumns[keyof CaseRowColumns]): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof Date) return pgTime(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

const n = COLUMNS.length;
// $1..$n the row's columns, then snapshot, sequence, case id, expected count, then the event's fields, then the notice.
const PG_SET = COLUMNS.map((c, i) => `"${c}" = $${i + 1}::${PG_CAST[CASE_ROW_COLUMNS[c]]}`).join(", ");
const PG_UPDATE = `UPDATE "Case" SET ${PG_SET}, "stateSnapshot" = $${n + 1}::text, "stateSequence" = $${n + 2}::int
  WHERE "id" = $${n + 3}::text AND "eventCount" = $${n + 4}::int RETURNING "id"`;
const e = n + 4;
const PG_EVENT = `SELECT $${e + 1}::text, upd."id", $${e + 2}::int, $${e + 3}::text, $${e + 4}::text, $${e + 5}::text, $${e + 6}::text,
  $${e + 7}::timestamp(3), $${e + 8}::text, $${e + 9}::text FROM upd`;
const PG_STORE = `WITH upd AS (${PG_UPDATE}) INSERT INTO "CaseEvent" (${EVENT_COLUMNS}) ${PG_EVENT} RETURNING "sequence"`;
const PG_STORE_NOTIFY = `WITH upd AS (${PG_UPDATE}) INSERT INTO "CaseEvent" (${EVENT_COLUMNS}) ${PG_EVENT}
  RETURNING "sequence", pg_notify($${e + 10}::text, $${e + 11}::text) AS "notified"`;

// An opening: $1..$4 id, reference, location, opener; then the row's columns, the snapshot; then the event's fields, then the notice.
const o = 4 + n + 1;
const PG_OPEN_CASE = `INSERT INTO "Case" (${OPENING_COLUMNS.map((c) => `"${c}"`).join(", ")})
  VALUES ($1::text, $2::text, $3::text, $4::text, ${COLUMNS.map((c, i) => `$${i + 5}::${PG_CAST[CASE_ROW_COLUMNS[c]]}`).join(", ")},
    $${o}::text, 1) RETURNING "id"`;
const PG_OPEN_EVENT = `SELECT $${o + 1}::text, opened."id", 1, $${o + 2}::text, $${o + 3}::text, $${o + 4}::text, $${o + 5}::text,
  $${o + 6}::timestamp(3), $${o + 7}::text, $${o + 8}::text FROM opened`;
const PG_OPEN = `WITH opened AS (${PG_OPEN_CASE}) INSERT INTO "CaseEvent" (${EVENT_COLUMNS}) ${PG_OPEN_EVENT} RETURNING "sequence"`;
const PG_OPEN_NOTIFY = `WITH opened AS (${PG_OPEN_CASE}) INSERT INTO "CaseEvent" (${EVENT_COLUMNS}) ${PG_OPEN_EVENT}
  RETURNING "sequence", pg_notify($${o + 9}::text, $${o + 10}::text) AS "notified"`;

/** An event's fields after its id (and sequence), in EVENT_COLUMNS' order, as the append and the opening bind them. */
const pgEventFields = (ev: Omit<HotStep["event"], "sequence">) => [
  ev.type,
  ev.payload,
  ev.actorId,
  ev.actorRole,
  pgTime(ev.at),
  ev.clientEventId,
  ev.result,
];

function pgAppender(url: string, idleTimeoutMillis: number | undefined): HotAppender {
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.PG_HOT_POOL_SIZE ?? 10),
    // As long as the client's own pool keeps its connections (lib/db/client.ts): a new connection
    // costs a backend and the hot statements prepared again.
    ...(idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis }),
    allowExitOnIdle: true,
    types: pgTypes,
  });
  // An idle connection dropped by the server (restart, test teardown) must not crash the process.
  pool.on("error", () => undefined);
  return {
    notifiesInStore: true,
    async readCase(caseId) {
      const result = await pool.query<CaseReadRow>({ name: "hot-case-read", text: CASE_READ, values: [caseId] });
      return fromCaseRead(result.rows[0]);
    },
    async store(step) {
      const ev = step.event;
      const values = [
        ...COLUMNS.map((c) => pgValue(step.row[c])),
        step.stateSnapshot,
        step.stateSequence,
        step.caseId,
        step.expectedCount,
        randomUUID(),
        ev.sequence,
        ...pgEventFields(ev),
        ...(step.notify ? [step.notify.channel, step.notify.payload] : []),
      ];
      const result = step.notify
        ? await pool.query({ name: "hot-append-notify", text: PG_STORE_NOTIFY, values })
        : await pool.query({ name: "hot-append", text: PG_STORE, values });
      if (result.rowCount !== 1) throw new HotRaced(step.caseId);
    },
    async openingContext(locationId, role) {
      const result = await pool.query<OpeningReadRow>({ name: "hot-opening-read", text: OPENING_READ, values: [role, locationId] });
      return fromOpeningRead(result.rows[0]);
    },
    async open(opening) {
      const ev = opening.event;
      const values = [
        opening.caseId,
        opening.reference,
        opening.locationId,
        opening.openedById,
        ...COLUMNS.map((c) => pgValue(opening.row[c])),
        opening.stateSnapshot,
        randomUUID(),
        ...pgEventFields(ev),
        ...(opening.notify ? [opening.notify.channel, opening.notify.payload] : []),
      ];
      const result = opening.notify
        ? await pool.query({ name: "hot-open-notify", text: PG_OPEN_NOTIFY, values })
        : await pool.query({ name: "hot-open", text: PG_OPEN, values });
      if (result.rowCount !== 1) throw new Error(`Case ${opening.caseId} was not opened`);
    },
    async sessionRows(tokenHash) {
      const result = await pool.query<HotSessionRow>({ name: "hot-session-read", text: SESSION_READ, values: [tokenHash] });
      return result.rows;
    },
    async sealKeyRows(keyId, caseId) {
      const result = await pool.query<HotSealKeyRow & CaseColumnsOnSession>({
        name: "hot-seal-key-read",
        text: SEAL_KEY_READ,
        values: [caseId ?? null, keyId],
      });
      return splitSessionAndCase(result.rows, caseId ?? null);
    },
    async sessionRowsWithCase(tokenHash, caseId) {
      const result = await pool.query<HotSessionRow & CaseColumnsOnSession>({
        name: "hot-session-case-read",
        text: SESSION_WITH_CASE_READ,
        values: [caseId, tokenHash],
      });
      return splitSessionAndCase(result.rows, caseId);
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------- one per client

const registry = globalThis as unknown as { coachHotAppenders?: WeakMap<object, HotAppender | null> };
const appenders = (registry.coachHotAppenders ??= new WeakMap<object, HotAppender | null>());

/**
 * The hot path for a client made by createDb (lib/db/client.ts), opened on first use; null when
 * the client's URL is unknown (a client made elsewhere) or COACH_APPEND_HOT_PATH=off (the Prisma
 * path alone, for A/B measurements: scripts/bench-append.ts).
 */
export function hotAppender(db: object): HotAppender | null {
  const known = appenders.get(db);
  if (known !== undefined) return known;
  const url = urlOf(db);
  const appender =
    !url || process.env.COACH_APPEND_HOT_PATH === "off"
      ? null
      : engineOf(db) === "postgresql"
        ? pgAppender(url, idleTimeoutOf(db))
        : sqliteAppender(url, backgroundCheckpointsOf(db) !== undefined);
  appenders.set(db, appender);
  return appender;
}

/** This client takes the Prisma path for every step (tests compare the two paths' rows; benches A/B them). */
export function withoutHotPath(db: object): void {
  appenders.set(db, null);
}

/** Closes the client's hot-path connection, if one was opened (createDb's $disconnect does). */
export async function closeHotAppender(db: object): Promise<void> {
  const appender = appenders.get(db);
  appenders.delete(db);
  await appender?.close();
}
