import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Actor, PlaybookEvent, Role } from "@/lib/playbook";

/**
 * What this tablet keeps in IndexedDB so a complaint can be handled without Wi-Fi
 * (docs/decisions/0004-offline-capture.md):
 *  - steps: every step captured here and not yet acknowledged by the server, in capture order;
 *  - cases: the log the server last confirmed for each case touched here;
 *  - context: what the coach needs to open a case offline (who, where, authority, root causes).
 * A step is written here before anything is sent: once `addStep` resolves it survives a closed
 * tab, a reload or a flat battery, and the sync (./field-sync.ts) sends it when it can.
 */

/** An event as the server's case view carries it (lib/cases/get-case.ts), dates as ISO text. */
export type LoggedEvent = PlaybookEvent & { at: string; actor: Actor; clientEventId?: string };

export type OpenBody = { kind: "open"; locationId: string; practice: boolean; authorityLimitCents: number };
export type EventBody = { kind: "event"; event: Exclude<PlaybookEvent, { type: "case_opened" }> };

/** Why the server refused a step (its HTTP status, code and message). */
export type Refusal = { status: number; code: string; message: string };

export type Step = {
  /** Capture order on this tablet (IndexedDB key). */
  seq: number;
  caseId: string;
  clientEventId: string;
  /** Who captured it: only their own session sends it. */
  actor: Actor;
  capturedAt: string;
  body: OpenBody | EventBody;
  state: "waiting" | "refused";
  refusal?: Refusal;
};
export type NewStep = Omit<Step, "seq" | "state" | "refusal">;

export type LocalCase = {
  id: string;
  /** Null until the server has answered the opening step. */
  reference: string | null;
  locationId: string;
  locationName: string;
  /** The venue's time zone (IANA); absent in a case kept before it was recorded. */
  timeZone?: string;
  openedByName: string;
  /** The log as the server last confirmed it. */
  log: LoggedEvent[];
  updatedAt: string;
};

export type TabletContext = {
  actor: { id: string; name: string; role: Role };
  locationId: string;
  locationName: string;
  /** The venue's time zone (IANA); absent in a context kept before it was recorded. */
  timeZone?: string;
  authorityLimitCents: number;
  rootCauses: { slug: string; label: string }[];
  deciders: { id: string; name: string; limitCents?: number }[];
  savedAt: string;
};

export interface TabletStore {
  /** False when IndexedDB is not available: steps then live only in this page's memory. */
  readonly durable: boolean;
  addStep(step: NewStep, newCase?: LocalCase): Promise<Step>;
  steps(): Promise<Step[]>;
  /** The server recorded the step: drop it, and extend the case's confirmed log when it follows on. */
  acknowledge(step: Step, logged: LoggedEvent, sequence: number, reference: string): Promise<void>;
  refuse(seq: number, refusal: Refusal): Promise<void>;
  /** Drops a case's refused step and every step of that case captured after it. */
  discardRefused(caseId: string): Promise<number>;
  getCase(id: string): Promise<LocalCase | undefined>;
  /** Keeps the server's view when it is newer, and drops waiting steps the server already has. */
  saveServerView(view: LocalCase): Promise<void>;
  getContext(actorId?: string): Promise<TabletContext | undefined>;
  putContext(context: TabletContext): Promise<void>;
  /** Forgets cases with nothing waiting that were last touched before `before`. */
  forgetCasesBefore(before: Date): Promise<void>;
  onChange(listener: () => void): () => void;
}

// ---------------------------------------------------------------------------------------------
// Shared rules (both stores)
// ---------------------------------------------------------------------------------------------

export function acknowledgedCase(existing: LocalCase | undefined, step: Step, logged: LoggedEvent, sequence: number, reference: string): LocalCase | undefined {
  if (!existing) return undefined;
  const follows = existing.log.length === sequence - 1 && !existing.log.some((e) => e.clientEventId === logged.clientEventId);
  const log = follows ? [...existing.log, logged] : existing.log;
  return { ...existing, reference: existing.reference ?? reference, log, updatedAt: new Date().toISOString() };
}

export function stepsToDiscard(all: readonly Step[], caseId: string): Step[] {
  const ofCase = all.filter((s) => s.caseId === caseId).sort((a, b) => a.seq - b.seq);
  const first = ofCase.findIndex((s) => s.state === "refused");
  return first < 0 ? [] : ofCase.slice(first);
}

const newer = (stored: LocalCase | undefined, view: LocalCase) => !stored || view.log.length >= stored.log.length;

// ---------------------------------------------------------------------------------------------
// Change notification, within this page and across this tablet's other tabs
// ---------------------------------------------------------------------------------------------

class Changes {
  private listeners = new Set<() => void>();
  private channel: BroadcastChannel | null = typeof BroadcastChannel === "function" ? new BroadcastChannel("coach-tablet-store") : null;
  constructor() {
    this.channel?.addEventListener("message", () => this.notifyHere());
    // Node (tests) keeps a process alive for an open channel; browsers have no unref.
    (this.channel as { unref?: () => void } | null)?.unref?.();
  }
  on(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(): void {
    this.notifyHere();
    this.channel?.postMessage("changed");
  }
  private notifyHere(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

// ---------------------------------------------------------------------------------------------
// IndexedDB
// ---------------------------------------------------------------------------------------------

interface TabletDb extends DBSchema {
  steps: { key: number; value: Step; indexes: { caseId: string } };
  cases: { key: string; value: LocalCase };
  context: { key: string; value: TabletContext };
}

export const DB_NAME = "complaint-coach";

export class IdbTabletStore implements TabletStore {
  readonly durable = true;
  private changes = new Changes();
  private constructor(private db: IDBPDatabase<TabletDb>) {}

  static async open(): Promise<IdbTabletStore> {
    const db = await openDB<TabletDb>(DB_NAME, 1, {
      upgrade(database) {
        const steps = database.createObjectStore("steps", { keyPath: "seq", autoIncrement: true });
        steps.createIndex("caseId", "caseId");
        database.createObjectStore("cases", { keyPath: "id" });
        database.createObjectStore("context", { keyPath: "actor.id" });
      },
      // A newer version of the app wants to upgrade the database: let it.
      blocking() {
        db.close();
      },
    });
    return new IdbTabletStore(db);
  }

  onChange(listener: () => void) {
    return this.changes.on(listener);
  }

  async addStep(step: NewStep, newCase?: LocalCase): Promise<Step> {
    const tx = this.db.transaction(["steps", "cases"], "readwrite");
    if (newCase && !(await tx.objectStore("cases").get(newCase.id))) await tx.objectStore("cases").put(newCase);
    // The key (seq) is assigned by IndexedDB: the record is written without it and read back with it.
    const seq = await tx.objectStore("steps").add({ ...step, state: "waiting" } as Step);
    await tx.done;
    this.changes.emit();
    return { ...step, seq, state: "waiting" };
  }

  async steps(): Promise<Step[]> {
    return this.db.getAll("steps");
  }

  async acknowledge(step: Step, logged: LoggedEvent, sequence: number, reference: string): Promise<void> {
    const tx = this.db.transaction(["steps", "cases"], "readwrite");
    await tx.objectStore("steps").delete(step.seq);
    const updated = acknowledgedCase(await tx.objectStore("cases").get(step.caseId), step, logged, sequence, reference);
    if (updated) await tx.objectStore("cases").put(updated);
    await tx.done;
    this.changes.emit();
  }

  async refuse(seq: number, refusal: Refusal): Promise<void> {
    const tx = this.db.transaction("steps", "readwrite");
    const step = await tx.store.get(seq);
    if (step) await tx.store.put({ ...step, state: "refused", refusal });
    await tx.done;
    this.changes.emit();
  }

  async discardRefused(caseId: string): Promise<number> {
    const tx = this.db.transaction("steps", "readwrite");
    const doomed = stepsToDiscard(await tx.store.index("caseId").getAll(caseId), caseId);
    for (const step of doomed) await tx.store.delete(step.seq);
    await tx.done;
    this.changes.emit();
    return doomed.length;
  }

  async getCase(id: string): Promise<LocalCase | undefined> {
    return this.db.get("cases", id);
  }

  async saveServerView(view: LocalCase): Promise<void> {
    const tx = this.db.transaction(["steps", "cases"], "readwrite");
    const stored = await tx.objectStore("cases").get(view.id);
    let changed = false;
    if (newer(stored, view) && JSON.stringify(stored?.log) !== JSON.stringify(view.log)) {
      await tx.objectStore("cases").put(view);
      changed = true;
    }
    const known = new Set(view.log.map((e) => e.clientEventId));
    for (const step of await tx.objectStore("steps").index("caseId").getAll(view.id)) {
      if (known.has(step.clientEventId)) {
        await tx.objectStore("steps").delete(step.seq);
        changed = true;
      }
    }
    await tx.done;
    if (changed) this.changes.emit();
  }

  async getContext(actorId?: string): Promise<TabletContext | undefined> {
    if (actorId) return this.db.get("context", actorId);
    const all = await this.db.getAll("context");
    return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  }

  async putContext(context: TabletContext): Promise<void> {
    await this.db.put("context", context);
  }

  async forgetCasesBefore(before: Date): Promise<void> {
    const tx = this.db.transaction(["steps", "cases"], "readwrite");
    const waiting = new Set((await tx.objectStore("steps").getAll()).map((s) => s.caseId));
    for (const local of await tx.objectStore("cases").getAll()) {
      if (!waiting.has(local.id) && local.updatedAt < before.toISOString()) await tx.objectStore("cases").delete(local.id);
    }
    await tx.done;
  }
}

// ---------------------------------------------------------------------------------------------
// In memory: where IndexedDB is missing (and in unit tests). Not durable, and says so.
// ---------------------------------------------------------------------------------------------

export class MemoryTabletStore implements TabletStore {
  readonly durable = false;
  private changes = new Changes();
  private nextSeq = 1;
  private stepsBySeq = new Map<number, Step>();
  private cases = new Map<string, LocalCase>();
  private contexts = new Map<string, TabletContext>();

  onChange(listener: () => void) {
    return this.changes.on(listener);
  }
  async addStep(step: NewStep, newCase?: LocalCase): Promise<Step> {
    if (newCase && !this.cases.has(newCase.id)) this.cases.set(newCase.id, structuredClone(newCase));
    const saved: Step = { ...structuredClone(step), seq: this.nextSeq++, state: "waiting" };
    this.stepsBySeq.set(saved.seq, saved);
    this.changes.emit();
    return structuredClone(saved);
  }
  async steps(): Promise<Step[]> {
    return [...this.stepsBySeq.values()].sort((a, b) => a.seq - b.seq).map((s) => structuredClone(s));
  }
  async acknowledge(step: Step, logged: LoggedEvent, sequence: number, reference: string): Promise<void> {
    this.stepsBySeq.delete(step.seq);
    const updated = acknowledgedCase(this.cases.get(step.caseId), step, logged, sequence, reference);
    if (updated) this.cases.set(updated.id, updated);
    this.changes.emit();
  }
  async refuse(seq: number, refusal: Refusal): Promise<void> {
    const step = this.stepsBySeq.get(seq);
    if (step) this.stepsBySeq.set(seq, { ...step, state: "refused", refusal });
    this.changes.emit();
  }
  async discardRefused(caseId: string): Promise<number> {
    const doomed = stepsToDiscard([...this.stepsBySeq.values()], caseId);
    for (const step of doomed) this.stepsBySeq.delete(step.seq);
    this.changes.emit();
    return doomed.length;
  }
  async getCase(id: string): Promise<LocalCase | undefined> {
    const found = this.cases.get(id);
    return found ? structuredClone(found) : undefined;
  }
  async saveServerView(view: LocalCase): Promise<void> {
    if (newer(this.cases.get(view.id), view)) this.cases.set(view.id, structuredClone(view));
    const known = new Set(view.log.map((e) => e.clientEventId));
    for (const step of [...this.stepsBySeq.values()]) if (step.caseId === view.id && known.has(step.clientEventId)) this.stepsBySeq.delete(step.seq);
    this.changes.emit();
  }
  async getContext(actorId?: string): Promise<TabletContext | undefined> {
    if (actorId) return this.contexts.get(actorId);
    return [...this.contexts.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  }
  async putContext(context: TabletContext): Promise<void> {
    this.contexts.set(context.actor.id, structuredClone(context));
  }
  async forgetCasesBefore(before: Date): Promise<void> {
    const waiting = new Set([...this.stepsBySeq.values()].map((s) => s.caseId));
    for (const local of [...this.cases.values()]) if (!waiting.has(local.id) && local.updatedAt < before.toISOString()) this.cases.delete(local.id);
  }
}

let opened: Promise<TabletStore> | null = null;

/** This tablet's store: IndexedDB when the browser allows it, else memory (not durable). */
export function tabletStore(): Promise<TabletStore> {
  opened ??= (typeof indexedDB === "undefined" ? Promise.reject(new Error("no IndexedDB")) : IdbTabletStore.open()).catch(
    (): TabletStore => new MemoryTabletStore(),
  );
  return opened;
}
