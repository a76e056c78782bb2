import "server-only";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { engineOf, engineOfUrl, tagEngine, tagIdleTimeout, tagUrl, type Engine } from "./engine";
import { backgroundCheckpointsOf, startBackgroundCheckpoints } from "./checkpoints";
import { guardTransactions } from "./guarded-adapter";
import { closeHotAppender } from "./hot-append";

export { engineOf, engineOfUrl, type Engine };

/**
 * The app's database client. Both engines' clients are generated from the one schema body
 * (scripts/prisma-generate.mjs), so their models and types are the same; the SQLite client's
 * type stands for both (docs/decisions/0020-two-engines-one-schema.md).
 */
export type Db = PrismaClient;
/** The PostgreSQL client's own type, for what only PostgreSQL offers (e.g. createMany's skipDuplicates). */
export type PostgresDb = PostgresPrismaClient;

export function defaultDatabaseUrl(): string {
  // turbopackIgnore: the database is found at run time, never a build asset. Without it the build
  // resolves data/coach.db as a file the code refers to, and `npm run demo`, which seeds while it
  // builds, failed once on a fresh clone when data/ appeared mid-build ("a component does not exist").
  return process.env.DATABASE_URL ?? `file:${path.join(/* turbopackIgnore: true */ process.cwd(), "data", "coach.db")}`;
}

/** Connections per process to PostgreSQL: a few per core is where throughput stops growing. */
const PG_POOL_SIZE = Number(process.env.PG_POOL_SIZE ?? 10);

/**
 * How long the server's PostgreSQL connections may sit idle before their pool closes them
 * (docs/decisions/0040). node-postgres's default, 10 s, closed them in every lull of a few
 * seconds; the next burst of steps then waited while new backends started and prepared their
 * statements again, and the chain bench's p95 at 50 tablets broke its target in those rounds.
 * Scripts and tests keep the default: their clients are short-lived.
 */
export const SERVER_PG_IDLE_TIMEOUT_MS = Number(process.env.PG_IDLE_TIMEOUT_MS ?? 300_000);

/**
 * SQLite: WAL lets readers carry on while one writer commits; the busy timeout makes a second
 * writer wait instead of failing with SQLITE_BUSY; the guard makes a failed COMMIT roll back
 * for real (prisma/prisma#29933; see docs/decisions/0003-sqlite-writes.md).
 * PostgreSQL: a pool of connections through node-postgres (@prisma/adapter-pg).
 */
export function createDb(url = defaultDatabaseUrl(), { idleTimeoutMs }: { idleTimeoutMs?: number } = {}): Db {
  if (engineOfUrl(url) === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      max: PG_POOL_SIZE,
      ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMillis: idleTimeoutMs }),
    });
    const client = new PostgresPrismaClient({ adapter }) as unknown as Db;
    return withHotPathClosed(tagIdleTimeout(tagUrl(tagEngine(client, "postgresql"), url), idleTimeoutMs));
  }
  const adapter = guardTransactions(new PrismaBetterSqlite3({ url, timeout: 10_000 }));
  return withHotPathClosed(tagUrl(tagEngine(new PrismaClient({ adapter }), "sqlite"), url));
}

/** `$disconnect` also closes the append hot path's own connection, if it was opened (./hot-append.ts), and the checkpoint worker (./checkpoints.ts). */
function withHotPathClosed(db: Db): Db {
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await backgroundCheckpointsOf(db)?.stop();
    await closeHotAppender(db);
    await disconnect();
  };
  return db;
}

/** Per-connection settings SQLite needs (PostgreSQL needs none: a no-op there). */
export async function configureSqlite(db: Db): Promise<void> {
  if (engineOf(db) !== "sqlite") return;
  const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
  // In WAL a COMMIT never waits for readers; refuse to run on a file that cannot be put in WAL.
  if (mode?.journal_mode !== "wal") throw new Error(`SQLite refused WAL mode (journal_mode is ${mode?.journal_mode ?? "unknown"})`);
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

const globalForDb = globalThis as unknown as { coachDb?: Promise<Db> };

/** One client (and so one writer path) per server process; on SQLite its WAL checkpoints run on a worker thread (./checkpoints.ts). */
export function getDb(): Promise<Db> {
  globalForDb.coachDb ??= (async () => {
    const db = createDb(defaultDatabaseUrl(), { idleTimeoutMs: SERVER_PG_IDLE_TIMEOUT_MS });
    await configureSqlite(db);
    await startBackgroundCheckpoints(db);
    return db;
  })();
  return globalForDb.coachDb;
}
