import "server-only";
import { Client } from "pg";
import type { Db } from "@/lib/db/client";
import { engineOf, urlOf, type Engine } from "@/lib/db/engine";
import { decodeMessage, LIVE_CHANNEL, type LiveNotice, type SessionsEnded } from "./notice";

/**
 * What a live stream hears: a notice; "resync" (the hub is listening again after a gap, or for the
 * first time: refetch, something may have been missed); "down" (the hub lost PostgreSQL: notices
 * stop until the next resync, so clients poll at their fast pace meanwhile).
 */
export type LiveSignal =
  { kind: "notice"; notice: LiveNotice } | { kind: "ended"; ended: SessionsEnded } | { kind: "resync" } | { kind: "down" };
export type LiveListener = (signal: LiveSignal) => void;

/** Streams one process holds at most (each is one subscriber here); more are refused with 429. */
export const MAX_STREAMS_PER_PROCESS = Number(process.env.LIVE_MAX_STREAMS ?? 500);
/** With no stream left, the PostgreSQL listener closes after this long. */
const IDLE_CLOSE_MS = 30_000;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 15_000;

/**
 * One per process and database (docs/decisions/0026). On PostgreSQL: a dedicated `pg` client,
 * outside Prisma's pool, that LISTENs on one channel and hands each notice to every subscriber
 * (the route filters by venue); it reconnects with backoff and says "resync" when it is back. On
 * SQLite (one instance by design): an in-process fan-out, fed by publishChange directly.
 */
export class LiveHub {
  private readonly listeners = new Set<LiveListener>();
  private client: Client | null = null;
  private listening = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly engine: Engine,
    private readonly url: string | undefined,
  ) {}

  /** Whether a notice written now reaches this hub's subscribers. */
  get ready(): boolean {
    return this.engine === "sqlite" || this.listening;
  }

  get size(): number {
    return this.listeners.size;
  }

  get full(): boolean {
    return this.listeners.size >= MAX_STREAMS_PER_PROCESS;
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.engine === "postgresql") this.connect();
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
      this.idleTimer.unref?.();
    };
  }

  deliver(signal: LiveSignal): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(signal);
      } catch (error) {
        console.error("live: a stream failed to take a notice", error);
      }
    }
  }

  /** Stops listening (the idle timer, and tests). Subscribers stay; a new subscribe reconnects. */
  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.retryTimer = this.idleTimer = null;
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private connect(): void {
    if (this.client || this.retryTimer || !this.url) return;
    const client = new Client({ connectionString: this.url, application_name: "coach-live", keepAlive: true });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel !== LIVE_CHANNEL) return;
      const decoded = decodeMessage(message.payload);
      if (decoded) this.deliver(decoded);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client
      .connect()
      .then(() => client.query(`LISTEN ${LIVE_CHANNEL}`))
      .then(
        () => {
          if (this.client !== client) return;
          this.listening = true;
          this.retryMs = RETRY_MIN_MS;
          this.deliver({ kind: "resync" });
        },
        () => this.lost(client),
      );
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    const wasListening = this.listening;
    this.client = null;
    this.listening = false;
    void client.end().catch(() => undefined);
    if (this.listeners.size === 0) return;
    if (wasListening) {
      console.warn("live: lost the PostgreSQL listener; clients poll until it is back");
      this.deliver({ kind: "down" });
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, this.retryMs);
    this.retryTimer.unref?.();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}

// On globalThis, like the database client: Next may load this module in more than one bundle.
const registry = ((globalThis as { coachLiveHubs?: WeakMap<object, LiveHub> }).coachLiveHubs ??= new WeakMap());

/** The process's hub for this database client. */
export function liveHub(db: Db): LiveHub {
  let hub = registry.get(db);
  if (!hub) {
    hub = new LiveHub(engineOf(db), urlOf(db));
    registry.set(db, hub);
  }
  return hub;
}
