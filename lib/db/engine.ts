/** The two database engines: SQLite (embedded default) and PostgreSQL (a chain's server). */
export type Engine = "sqlite" | "postgresql";

/** "postgresql" for a postgres:// or postgresql:// URL; anything else is a SQLite file. */
export function engineOfUrl(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/**
 * On globalThis, like the client itself (lib/db/client.ts getDb): a production build bundles this
 * module into several chunks, each with its own module scope, and the client one chunk made and
 * tagged is used by routes in others. A WeakMap per copy left those routes reading "sqlite" for a
 * PostgreSQL client, so the queue sent SQLite's SQL (`+c."locationId"`) to PostgreSQL
 * (docs/decisions/0025) and the live hub took a PostgreSQL client for SQLite (0026).
 */
const registry = globalThis as unknown as {
  coachDbEngines?: WeakMap<object, Engine>;
  coachDbUrls?: WeakMap<object, string>;
  coachDbIdleTimeouts?: WeakMap<object, number>;
};
const engines = (registry.coachDbEngines ??= new WeakMap<object, Engine>());

/** Records which engine a client talks to (lib/db/client.ts does, as it makes one). */
export function tagEngine<T extends object>(client: T, engine: Engine): T {
  engines.set(client, engine);
  return client;
}

/** Which engine a client talks to; raw SQL picks its dialect from this (lib/manager/sql-dialect.ts). */
export function engineOf(db: object): Engine {
  return engines.get(db) ?? "sqlite";
}

const urls = (registry.coachDbUrls ??= new WeakMap<object, string>());

/** Records the URL a client was made for (lib/db/client.ts), so a process can open its own side connection (lib/live/hub.ts). */
export function tagUrl<T extends object>(client: T, url: string): T {
  urls.set(client, url);
  return client;
}

/** The URL a client was made for, if it was made by createDb. */
export function urlOf(db: object): string | undefined {
  return urls.get(db);
}

const idleTimeouts = (registry.coachDbIdleTimeouts ??= new WeakMap<object, number>());

/** Records how long the client's PostgreSQL connections may sit idle (lib/db/client.ts), for the pools opened beside it (./hot-append.ts). */
export function tagIdleTimeout<T extends object>(client: T, ms: number | undefined): T {
  if (ms !== undefined) idleTimeouts.set(client, ms);
  return client;
}

/** How long the client's PostgreSQL connections may sit idle; undefined for node-postgres's own default (10 s). */
export function idleTimeoutOf(db: object): number | undefined {
  return idleTimeouts.get(db);
}
