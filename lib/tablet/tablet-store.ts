import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Actor, PlaybookEvent, Role } from "@/lib/playbook";
import type { HeadsUpChoice, HeadsUpKind } from "@/lib/playbook/heads-up/vocabulary";
import { sealPayload, type Seal, type SealKey } from "./seal";

/**
 * What this tablet keeps in IndexedDB so a complaint can be handled without Wi-Fi
 * (docs/decisions/0004-offline-capture.md), and how a shared tablet keeps it from the next person
 * (docs/decisions/0013-sealed-steps.md):
 *  - session: who is signed in here now, and the key their steps are sealed with;
 *  - steps: every step captured here and not yet acknowledged by the server, in capture order.
 *    Each is sealed the moment it is captured. While its session lasts it is also kept readable,
 *    so the coach can fold it; when the session ends only the seal is left, which nobody on the
 *    tablet can read and which the server still takes as its author's;
 *  - cases: the log the server last confirmed for each case this session touched;
 *  - context: what the coach needs to open a case offline (who, where, authority, root causes).
 * Cases, context and the session go when the session ends (sign-out, switch user, idle time-out,
 * expiry, revocation). A step is written here before anything is sent: once `addStep` resolves it
 * survives a closed tab, a reload or a flat battery, and the sync (./field-sync.ts) sends it.
 */

/** An event as the server's case view carries it (lib/cases/get-case.ts), dates as ISO text. */
export type LoggedEvent = PlaybookEvent & { at: string; actor: Actor; clientEventId?: string };

export type OpenBody = { kind: "open"; locationId: string; practice: boolean; authorityLimitCents: number };
export type EventBody = { kind: "event"; event: Exclude<PlaybookEvent, { type: "case_opened" }> };
/** A floor-wide heads-up raised on this tablet (docs/decisions/0034-heads-ups-offline.md). */
export type HeadsUpRaiseBody = {
  kind: "heads_up_raise";
  raise: { locationId?: string; kind: HeadsUpKind; what: string; reason: string; options: { choice: HeadsUpChoice; text: string }[] };
};
/** A table or room ticked off a live heads-up on this tablet. */
export type HeadsUpTellBody = {
  kind: "heads_up_tell";
  alertId: string;
  tell: { spot: string; choice: HeadsUpChoice; option: string; customerAskedFirst: boolean; note?: string };
};
/**
 * A heads-up ended on this tablet (docs/decisions/0036): `what` is for this person's own outbox
 * line only ("Ending: Salmon sold out" while it waits, "Ended: …" once sent); the server is sent the note alone.
 */
export type HeadsUpEndBody = {
  kind: "heads_up_end";
  alertId: string;
  what: string;
  end: { note?: string };
};
export type CaseStepBody = OpenBody | EventBody;
export type HeadsUpStepBody = HeadsUpRaiseBody | HeadsUpTellBody | HeadsUpEndBody;

/** Why the server refused a step (its HTTP status, code and message). */
export type Refusal = { status: number; code: string; message: string };

/** What is kept of every waiting step, whoever's it is. */
export type EndedStep = {
  /** Capture order on this tablet (IndexedDB key). */
  seq: number;
  caseId: string;
  clientEventId: string;
  /** The session that captured it (null: this browser could not tell, or a step from before sessions were kept). */
  sessionId: string | null;
  /** The sealed request (lib/tablet/seal.ts); null where this browser cannot seal. */
  seal: Seal | null;
  state: "waiting" | "refused";
  refusal?: Refusal;
};

/** A step of the session signed in here now: readable, folded into the coach. */
export type Step = EndedStep & {
  /** Who captured it. */
  actor: Actor;
  capturedAt: string;
  body: CaseStepBody | HeadsUpStepBody;
};
/** A step of a complaint case (every step but a heads-up's). */
export type CaseStep = Step & { body: CaseStepBody };
export type HeadsUpStep = Step & { body: HeadsUpStepBody };
export type NewStep = Pick<Step, "caseId" | "clientEventId" | "actor" | "capturedAt" | "body">;

/** As stored: readable parts only while their session lasts; `legacy` for steps from before seals (store version 1). */
type StepRecord = EndedStep & Partial<Pick<Step, "actor" | "capturedAt" | "body">> & { legacy?: true };

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

/**
 * The session signed in on this tablet, as the tablet keeps it (lib/tablet/local-session.ts).
 * The service worker reads it too (public/sw.js): no kept page is shown without it.
 */
export type LocalSession = {
  sessionId: string;
  user: { id: string; name: string; role: Role };
  locationId: string | null;
  startedAt: number;
  /** The last time someone used the tablet (ms since 1970); idle for `idleMs`, the session is over. */
  lastActiveAt: number;
  idleMs: number;
  /** Null where this browser has no WebCrypto (plain http): steps are then not sealed. */
  seal: SealKey | null;
};

export type PendingSignOut = { sessionId: string; since: number };

export interface TabletStore {
  /** False when IndexedDB is not available: steps then live only in this page's memory. */
  readonly durable: boolean;
  /** Stores a step of the current session, sealed with its key. */
  addStep(step: NewStep, newCase?: LocalCase): Promise<Step>;
  /** The current session's steps, readable. */
  steps(): Promise<Step[]>;
  /** Steps of sessions that have ended (sealed; nothing readable). */
  endedSteps(): Promise<EndedStep[]>;
  /** Everything waiting to be sent, in capture order (lib/tablet/field-sync.ts). */
  pendingSteps(): Promise<(Step | EndedStep)[]>;
  /** The server recorded the step: drop it, and extend the case's confirmed log when it follows on. */
  acknowledge(step: EndedStep, logged: LoggedEvent | null, sequence: number, reference: string): Promise<void>;
  /** The server kept a step it could not add (HeldStep): nothing is left to send. */
  forgetStep(seq: number): Promise<void>;
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
  getSession(): Promise<LocalSession | undefined>;
  /** A new session starts here: the previous one (if another) has been ended first. */
  putSession(session: LocalSession): Promise<void>;
  touchSession(at: number): Promise<void>;
  /**
   * The session is over: its steps keep only their seals (a step that could not be sealed is kept
   * for its author's next session), and its cases, context and the session itself go. Until the
   * server has been told (`clearPendingSignOut`), the session is remembered as one to sign out:
   * its cookie may still be good there (a switch of user without Wi-Fi).
   */
  endSession(): Promise<void>;
  /** A session ended here that the server may still take: signed out there at the next chance (public/sw.js too). */
  pendingSignOut(): Promise<PendingSignOut | undefined>;
  clearPendingSignOut(sessionId: string): Promise<void>;
  onChange(listener: () => void): () => void;
}

const readable = (record: StepRecord): record is Step & StepRecord =>
  Boolean(record.body && record.actor && record.capturedAt && !record.legacy);

function ended(record: StepRecord): EndedStep {
  const { seq, caseId, clientEventId, sessionId, seal, state, refusal } = record;
  return refusal ? { seq, caseId, clientEventId, sessionId, seal, state, refusal } : { seq, caseId, clientEventId, sessionId, seal, state };
}

/** What the session's end leaves of a record, or the record itself when it stays as it is. */
function atSessionEnd(record: StepRecord): StepRecord {
  if (record.legacy || !record.body) return record;
  if (!record.seal) return { ...record, legacy: true }; // cannot be sent without its author: kept for them
  return ended(record);
}

/** The request the server expects for a step (the same as the unsealed route's body), sealed. */
export function sealedRequest(
  step: NewStep,
):
  | { v: 1; kind: "open" | "event"; caseId: string; body: Record<string, unknown> }
  | { v: 1; kind: "heads_up_raise"; body: Record<string, unknown> }
  | { v: 1; kind: "heads_up_tell" | "heads_up_end"; alertId: string; body: Record<string, unknown> } {
  if (step.body.kind === "heads_up_raise") {
    return { v: 1, kind: "heads_up_raise", body: { clientEventId: step.clientEventId, ...step.body.raise, capturedAt: step.capturedAt } };
  }
  if (step.body.kind === "heads_up_tell") {
    return {
      v: 1,
      kind: "heads_up_tell",
      alertId: step.body.alertId,
      body: { clientEventId: step.clientEventId, ...step.body.tell, capturedAt: step.capturedAt },
    };
  }
  if (step.body.kind === "heads_up_end") {
    return {
      v: 1,
      kind: "heads_up_end",
      alertId: step.body.alertId,
      body: { clientEventId: step.clientEventId, ...step.body.end, capturedAt: step.capturedAt },
    };
  }
  if (step.body.kind === "open") {
    const { locationId, practice } = step.body;
    return {
      v: 1,
      kind: "open",
      caseId: step.caseId,
      body: { clientEventId: step.clientEventId, locationId, practice, capturedAt: step.capturedAt },
    };
  }
  return {
    v: 1,
    kind: "event",
    caseId: step.caseId,
    body: { clientEventId: step.clientEventId, event: step.body.event, capturedAt: step.capturedAt },
  };
}

async function sealFor(session: LocalSession | undefined, step: NewStep): Promise<Seal | null> {
  return session?.seal ? sealPayload(session.seal, sealedRequest(step)) : null;
}

// ---------------------------------------------------------------------------------------------
// Shared rules (both stores)
// ---------------------------------------------------------------------------------------------

export function acknowledgedCase(
  existing: LocalCase | undefined,
  logged: LoggedEvent,
  sequence: number,
  reference: string,
): LocalCase | undefined {
  if (!existing) return undefined;
  const follows = existing.log.length === sequence - 1 && !existing.log.some((e) => e.clientEventId === logged.clientEventId);
  const log = follows ? [...existing.log, logged] : existing.log;
  return { ...existing, reference: existing.reference ?? reference, log, updatedAt: new Date().toISOString() };
}

export function stepsToDiscard<T extends EndedStep>(all: readonly T[], caseId: string): T[] {
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
  steps: { key: number; value: StepRecord; indexes: { caseId: string } };
  cases: { key: string; value: LocalCase };
  context: { key: string; value: TabletContext };
  session: { key: string; value: LocalSession };
  /** "sign-out": a session ended here that the server has not yet been told about (read by public/sw.js). */
  pending: { key: string; value: PendingSignOut };
}

export const DB_NAME = "complaint-coach";
/** 2: the session store, and steps sealed per session (docs/decisions/0013-sealed-steps.md). */
export const DB_VERSION = 2;
const CURRENT = "current";
const SIGN_OUT = "sign-out";

export class IdbTabletStore implements TabletStore {
  readonly durable = true;
  private changes = new Changes();
  private constructor(private db: IDBPDatabase<TabletDb>) {}

  static async open(): Promise<IdbTabletStore> {
    const db = await openDB<TabletDb>(DB_NAME, DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, transaction) {
        if (!database.objectStoreNames.contains("steps")) {
          const steps = database.createObjectStore("steps", { keyPath: "seq", autoIncrement: true });
          steps.createIndex("caseId", "caseId");
        }
        if (!database.objectStoreNames.contains("cases")) database.createObjectStore("cases", { keyPath: "id" });
        if (!database.objectStoreNames.contains("context")) database.createObjectStore("context", { keyPath: "actor.id" });
        if (!database.objectStoreNames.contains("session")) database.createObjectStore("session");
        if (!database.objectStoreNames.contains("pending")) database.createObjectStore("pending");
        if (oldVersion === 1) {
          // Version 1 kept everyone's cases and names in the open: they go. Its waiting steps were
          // never sealed; they stay, readable only to their author's next session, which seals them.
          await transaction.objectStore("cases").clear();
          await transaction.objectStore("context").clear();
          let cursor = await transaction.objectStore("steps").openCursor();
          while (cursor) {
            await cursor.update({ ...cursor.value, sessionId: null, seal: null, legacy: true });
            cursor = await cursor.continue();
          }
        }
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
    // Sealed before the transaction opens: IndexedDB commits a transaction that waits on anything else.
    const session = await this.getSession();
    const seal = await sealFor(session, step);
    const record = { ...step, sessionId: session?.sessionId ?? null, seal, state: "waiting" as const };
    const tx = this.db.transaction(["steps", "cases"], "readwrite");
    if (newCase && !(await tx.objectStore("cases").get(newCase.id))) await tx.objectStore("cases").put(newCase);
    // The key (seq) is assigned by IndexedDB: the record is written without it and read back with it.
    const seq = await tx.objectStore("steps").add(record as StepRecord);
    await tx.done;
    this.changes.emit();
    return { ...record, seq };
  }

  async steps(): Promise<Step[]> {
    return (await this.db.getAll("steps")).filter(readable);
  }

  async endedSteps(): Promise<EndedStep[]> {
    return (await this.db.getAll("steps")).filter((r) => !readable(r)).map(ended);
  }

  async pendingSteps(): Promise<(Step | EndedStep)[]> {
    return (await this.db.getAll("steps")).map((r) => (readable(r) ? r : ended(r)));
  }

  async acknowledge(step: EndedStep, logged: LoggedEvent | null, sequence: number, reference: string): Promise<void> {
    const tx = this.db.transaction(["steps", "cases"], "readwrite");
    await tx.objectStore("steps").delete(step.seq);
    const updated = logged ? acknowledgedCase(await tx.objectStore("cases").get(step.caseId), logged, sequence, reference) : undefined;
    if (updated) await tx.objectStore("cases").put(updated);
    await tx.done;
    this.changes.emit();
  }

  async forgetStep(seq: number): Promise<void> {
    await this.db.delete("steps", seq);
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

  async getSession(): Promise<LocalSession | undefined> {
    return this.db.get("session", CURRENT);
  }

  async putSession(session: LocalSession): Promise<void> {
    await this.db.put("session", session, CURRENT);
    await this.adoptLegacySteps(session);
    this.changes.emit();
  }

  async touchSession(at: number): Promise<void> {
    const tx = this.db.transaction("session", "readwrite");
    const session = await tx.store.get(CURRENT);
    if (session && at > session.lastActiveAt) await tx.store.put({ ...session, lastActiveAt: at }, CURRENT);
    await tx.done;
  }

  async endSession(): Promise<void> {
    const tx = this.db.transaction(["steps", "cases", "context", "session", "pending"], "readwrite");
    const ending = await tx.objectStore("session").get(CURRENT);
    if (ending) await tx.objectStore("pending").put({ sessionId: ending.sessionId, since: Date.now() }, SIGN_OUT);
    let cursor = await tx.objectStore("steps").openCursor();
    while (cursor) {
      const kept = atSessionEnd(cursor.value);
      if (kept !== cursor.value) await cursor.update(kept);
      cursor = await cursor.continue();
    }
    await Promise.all([tx.objectStore("cases").clear(), tx.objectStore("context").clear(), tx.objectStore("session").clear()]);
    await tx.done;
    this.changes.emit();
  }

  async pendingSignOut(): Promise<PendingSignOut | undefined> {
    return this.db.get("pending", SIGN_OUT);
  }

  async clearPendingSignOut(sessionId: string): Promise<void> {
    const tx = this.db.transaction("pending", "readwrite");
    if ((await tx.store.get(SIGN_OUT))?.sessionId === sessionId) await tx.store.delete(SIGN_OUT);
    await tx.done;
  }

  /** Steps from before seals, captured by this session's person: sealed now, and theirs to send. */
  private async adoptLegacySteps(session: LocalSession): Promise<void> {
    if (!session.seal) return;
    const mine = (await this.db.getAll("steps")).filter((r) => r.legacy && r.actor?.id === session.user.id && r.body && r.capturedAt);
    for (const record of mine) {
      const { actor, body, capturedAt } = record;
      if (!actor || !body || !capturedAt) continue;
      const seal = await sealFor(session, { caseId: record.caseId, clientEventId: record.clientEventId, actor, body, capturedAt });
      const { legacy: _legacy, ...rest } = record;
      await this.db.put("steps", { ...rest, sessionId: session.sessionId, seal });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// In memory: where IndexedDB is missing, or WebCrypto is (plain http), and in unit tests. Not
// durable, and says so; nothing of it outlives the page.
// ---------------------------------------------------------------------------------------------

export class MemoryTabletStore implements TabletStore {
  readonly durable = false;
  private changes = new Changes();
  private nextSeq = 1;
  private records = new Map<number, StepRecord>();
  private cases = new Map<string, LocalCase>();
  private contexts = new Map<string, TabletContext>();
  private session: LocalSession | undefined;
  private pending: PendingSignOut | undefined;

  onChange(listener: () => void) {
    return this.changes.on(listener);
  }
  async addStep(step: NewStep, newCase?: LocalCase): Promise<Step> {
    const seal = await sealFor(this.session, step);
    if (newCase && !this.cases.has(newCase.id)) this.cases.set(newCase.id, structuredClone(newCase));
    const saved: Step = {
      ...structuredClone(step),
      sessionId: this.session?.sessionId ?? null,
      seal,
      seq: this.nextSeq++,
      state: "waiting",
    };
    this.records.set(saved.seq, saved);
    this.changes.emit();
    return structuredClone(saved);
  }
  private sorted(): StepRecord[] {
    return [...this.records.values()].sort((a, b) => a.seq - b.seq).map((s) => structuredClone(s));
  }
  async steps(): Promise<Step[]> {
    return this.sorted().filter(readable);
  }
  async endedSteps(): Promise<EndedStep[]> {
    return this.sorted()
      .filter((r) => !readable(r))
      .map(ended);
  }
  async pendingSteps(): Promise<(Step | EndedStep)[]> {
    return this.sorted().map((r) => (readable(r) ? r : ended(r)));
  }
  async acknowledge(step: EndedStep, logged: LoggedEvent | null, sequence: number, reference: string): Promise<void> {
    this.records.delete(step.seq);
    const updated = logged ? acknowledgedCase(this.cases.get(step.caseId), logged, sequence, reference) : undefined;
    if (updated) this.cases.set(updated.id, updated);
    this.changes.emit();
  }
  async forgetStep(seq: number): Promise<void> {
    this.records.delete(seq);
    this.changes.emit();
  }
  async refuse(seq: number, refusal: Refusal): Promise<void> {
    const step = this.records.get(seq);
    if (step) this.records.set(seq, { ...step, state: "refused", refusal });
    this.changes.emit();
  }
  async discardRefused(caseId: string): Promise<number> {
    const doomed = stepsToDiscard([...this.records.values()], caseId);
    for (const step of doomed) this.records.delete(step.seq);
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
    for (const step of [...this.records.values()])
      if (step.caseId === view.id && known.has(step.clientEventId)) this.records.delete(step.seq);
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
    const waiting = new Set([...this.records.values()].map((s) => s.caseId));
    for (const local of [...this.cases.values()])
      if (!waiting.has(local.id) && local.updatedAt < before.toISOString()) this.cases.delete(local.id);
  }
  async getSession(): Promise<LocalSession | undefined> {
    return this.session;
  }
  async putSession(session: LocalSession): Promise<void> {
    this.session = session;
    this.changes.emit();
  }
  async touchSession(at: number): Promise<void> {
    if (this.session && at > this.session.lastActiveAt) this.session = { ...this.session, lastActiveAt: at };
  }
  async pendingSignOut(): Promise<PendingSignOut | undefined> {
    return this.pending;
  }
  async clearPendingSignOut(sessionId: string): Promise<void> {
    if (this.pending?.sessionId === sessionId) this.pending = undefined;
  }
  async endSession(): Promise<void> {
    if (this.session) this.pending = { sessionId: this.session.sessionId, since: Date.now() };
    for (const [seq, record] of this.records) this.records.set(seq, atSessionEnd(record));
    this.cases.clear();
    this.contexts.clear();
    this.session = undefined;
    this.changes.emit();
  }
}

let opened: Promise<TabletStore> | null = null;

/**
 * This tablet's store: IndexedDB when the browser allows it and can seal steps (WebCrypto, which
 * only secure contexts have); else memory, which keeps nothing once the page is gone.
 */
export function tabletStore(): Promise<TabletStore> {
  opened ??= (
    typeof indexedDB === "undefined" || typeof crypto === "undefined" || !crypto.subtle
      ? Promise.reject(new Error("no IndexedDB or no WebCrypto"))
      : IdbTabletStore.open()
  ).catch((): TabletStore => new MemoryTabletStore());
  return opened;
}
