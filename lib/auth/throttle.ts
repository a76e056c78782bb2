import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { withKeyLocks } from "@/lib/db/key-locks";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";

/**
 * Slow-down and lockout for sign-in. Each attempt is counted against a few keys at once:
 *
 *  - PIN, on a paired tablet: the account *on that tablet* ("pin:<device>:<user>") and the tablet
 *    ("device:<device>"). Somebody guessing elsewhere cannot lock a person out of their own
 *    tablet, and one tablet cannot be used to try PIN after PIN.
 *  - Password, from anywhere: the account from that address ("pw:<address>:<email>"), the account
 *    from everywhere ("pw:<email>", which only slows down, never locks, so nobody can lock a manager
 *    out from afar), and the address ("ip:<address>", the socket's or a trusted proxy's word).
 *
 * Every attempt is written as a failure *before* the secret is checked and only turned into a
 * success afterwards, inside the process-wide write queue. So twenty guesses fired at once are
 * counted as twenty, not as zero: the fourth already has to wait. Rows are forgotten by age.
 */
export type ThrottlePolicy = {
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** From this many failures in the window, each further attempt waits… */
  slowAfter: number;
  /** …this long after the last failure, doubling with each further failure… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** This many failures in the window lock the key (Infinity: never)… */
  lockAfter: number;
  /** …for this long after the last failure. */
  lockMs: number;
  /** A correct secret wipes the key's failures (accounts), or does not (addresses, tablets). */
  clearOnSuccess: boolean;
};

const MINUTE = 60_000;

/** One person mistyping: three free tries, then 5 s, 10 s, 20 s, 40 s, 80 s, then 15 minutes locked. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  slowAfter: 3,
  baseDelayMs: 5_000,
  maxDelayMs: 5 * MINUTE,
  lockAfter: 8,
  lockMs: 15 * MINUTE,
  clearOnSuccess: true,
};

/**
 * One address (or one tablet) guessing across accounts. Looser than an account's: a busy shift's
 * honest typos on one tablet, or behind one router, must not lock the whole floor.
 */
export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  slowAfter: 10,
  baseDelayMs: 2_000,
  // Short enough that thirty failures fit in one window for someone who waits as told.
  maxDelayMs: 30_000,
  lockAfter: 30,
  lockMs: 15 * MINUTE,
  clearOnSuccess: false,
};
export const DEVICE_POLICY: ThrottlePolicy = ADDRESS_POLICY;

/**
 * One account's password tried from many addresses: slows down (up to 30 s between tries) but
 * never locks, so a guesser spread over many addresses gets a few hundred tries a day at most and
 * cannot shut the manager out.
 */
export const ACCOUNT_EVERYWHERE_POLICY: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  slowAfter: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  lockAfter: Number.POSITIVE_INFINITY,
  lockMs: 0,
  clearOnSuccess: true,
};

/** Pairing codes from one address: a code has ~40 bits and lives ten minutes; a few typos are fine. */
export const PAIRING_POLICY: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  slowAfter: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  lockAfter: 20,
  lockMs: 15 * MINUTE,
  clearOnSuccess: false,
};

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export type ThrottleScope = "account" | "device" | "address";
export type ThrottleKey = { key: string; policy: ThrottlePolicy; scope: ThrottleScope };

/** Emails are not kept in the attempts table: a short hash names the account instead. */
export function emailKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
}
const addr = (address: string) => address.slice(0, 64);

/** A PIN on a paired tablet: the person on that tablet, and the tablet. */
export function pinKeys(userId: string, deviceId: string): ThrottleKey[] {
  return [
    { key: `pin:${deviceId}:${userId.slice(0, 64)}`, policy: ACCOUNT_POLICY, scope: "account" },
    { key: `device:${deviceId}`, policy: DEVICE_POLICY, scope: "device" },
  ];
}

/**
 * A manager's PIN typed on someone's session to approve a remedy: on a paired tablet, counted
 * like a PIN sign-in there; elsewhere, per account per address and per address.
 */
export function approvalPinKeys(userId: string, where: { deviceId?: string | null; address?: string }): ThrottleKey[] {
  if (where.deviceId) return pinKeys(userId, where.deviceId);
  const address = addr(where.address ?? "local");
  return [
    { key: `pin@${address}:${userId.slice(0, 64)}`, policy: ACCOUNT_POLICY, scope: "account" },
    { key: `ip:${address}`, policy: ADDRESS_POLICY, scope: "address" },
  ];
}

/** A password from an address: the account from there, the account from everywhere, the address. */
export function passwordKeys(email: string, address: string): ThrottleKey[] {
  const account = emailKey(email);
  return [
    { key: `pw:${addr(address)}:${account}`, policy: ACCOUNT_POLICY, scope: "account" },
    { key: `pw:${account}`, policy: ACCOUNT_EVERYWHERE_POLICY, scope: "account" },
    { key: `ip:${addr(address)}`, policy: ADDRESS_POLICY, scope: "address" },
  ];
}

/** Every attempt key that counts against this person (their PIN on any tablet, their password from anywhere). */
export function accountKeyFilters(userId: string, email: string | null): { key: { startsWith?: string; endsWith: string } }[] {
  const filters: { key: { startsWith?: string; endsWith: string } }[] = [
    { key: { startsWith: "pin", endsWith: `:${userId.slice(0, 64)}` } },
  ];
  if (email) filters.push({ key: { startsWith: "pw:", endsWith: emailKey(email) } });
  return filters;
}

/** A pairing code typed on a tablet: counted per address. */
export function pairingKeys(address: string): ThrottleKey[] {
  return [{ key: `pair:${addr(address)}`, policy: PAIRING_POLICY, scope: "address" }];
}

export type Verdict = { ok: true } | { ok: false; reason: "slow" | "locked"; waitMs: number };

/** How far back `judge` needs to see failures. */
export function lookbackMs(policy: ThrottlePolicy): number {
  return policy.windowMs + policy.lockMs;
}

/** Attempts older than this are deleted: no window ever looks this far back. */
export const PURGE_AFTER_MS = 60 * MINUTE;

/**
 * Pure: may another attempt go ahead, given this key's failure times? Any `lockAfter` failures
 * within one window lock the key from the last of them for `lockMs`; after a lock the count
 * starts again. Below that, from `slowAfter` failures in the window each attempt waits.
 */
export function judge(failures: readonly Date[], policy: ThrottlePolicy, now: Date): Verdict {
  const t = now.getTime();
  const times = failures
    .map((at) => at.getTime())
    .filter((at) => at <= t)
    .sort((a, b) => a - b);

  let lockTrigger = Number.NEGATIVE_INFINITY;
  for (let i = policy.lockAfter - 1; i < times.length; i++) {
    if (times[i] - times[i - policy.lockAfter + 1] < policy.windowMs) lockTrigger = times[i];
  }
  const lockWait = lockTrigger + policy.lockMs - t;
  if (lockWait > 0) return { ok: false, reason: "locked", waitMs: lockWait };

  const recent = times.filter((at) => at > lockTrigger && t - at < policy.windowMs);
  if (recent.length < policy.slowAfter) return { ok: true };
  const delay = Math.min(policy.baseDelayMs * 2 ** (recent.length - policy.slowAfter), policy.maxDelayMs);
  const waitMs = recent[recent.length - 1] + delay - t;
  return waitMs > 0 ? { ok: false, reason: "slow", waitMs } : { ok: true };
}

export type SecretKind = "PIN" | "password" | "pairing code";

function refusal(verdict: Extract<Verdict, { ok: false }>, scope: ThrottleKey["scope"], secret: SecretKind): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(verdict.waitMs / 1000));
  const details = { retryAfterSeconds, reason: verdict.reason, scope };
  if (verdict.reason === "slow") {
    return new AppError("rate_limited", `Too many tries — wait ${retryAfterSeconds} seconds`, details);
  }
  const minutes = Math.max(1, Math.ceil(verdict.waitMs / MINUTE));
  const unit = minutes === 1 ? "minute" : "minutes";
  const wrong = `wrong ${secret}s`;
  const message =
    scope === "account"
      ? `This account is locked${secret === "PIN" ? " on this tablet" : ""} for ${minutes} ${unit} after too many ${wrong}`
      : scope === "device"
        ? `Sign-in on this tablet is paused for ${minutes} ${unit} after too many ${wrong}`
        : secret === "pairing code"
          ? `Pairing from this network is paused for ${minutes} ${unit} after too many ${wrong}`
          : `Sign-in from this network address is paused for ${minutes} ${unit} after too many ${wrong}`;
  return new AppError("locked", message, details);
}

let lastPurgeAt = Number.NEGATIVE_INFINITY;

/** An attempt in flight: counted as a failure until `succeeded` is called. */
export type Attempt = { succeeded(): Promise<void> };

/**
 * Refuses (429 slow down, 423 locked) when any key is throttled; otherwise records the attempt
 * as a failure for every key and returns a handle to mark it a success once the secret matched.
 */
export async function beginAttempt(db: Db, keys: readonly ThrottleKey[], secret: SecretKind, now: Clock = systemClock): Promise<Attempt> {
  // Counted and recorded under a lock on each key, so attempts racing through several app
  // instances are counted one after another too (lib/db/key-locks.ts).
  const ids = await serialiseWrite(() =>
    withKeyLocks(
      db,
      keys.map((k) => `throttle:${k.key}`),
      async (tx) => {
        const at = now();
        const longest = Math.max(...keys.map((k) => lookbackMs(k.policy)));
        const rows = await tx.signInAttempt.findMany({
          where: { key: { in: keys.map((k) => k.key) }, succeeded: false, at: { gt: new Date(at.getTime() - longest) } },
          select: { key: true, at: true },
        });
        // Account first: "this account is locked" tells the person more than "this tablet".
        const ordered = [...keys].sort((a, b) => (a.scope === b.scope ? 0 : a.scope === "account" ? -1 : 1));
        for (const k of ordered) {
          const verdict = judge(
            rows.filter((r) => r.key === k.key).map((r) => r.at),
            k.policy,
            at,
          );
          if (!verdict.ok) throw refusal(verdict, k.scope, secret);
        }
        // Forget what no window will ever look at again: one indexed delete a minute at most, so a
        // flood of made-up names cannot grow the table for ever.
        if (Math.abs(at.getTime() - lastPurgeAt) > MINUTE) {
          lastPurgeAt = at.getTime();
          await tx.signInAttempt.deleteMany({ where: { at: { lt: new Date(at.getTime() - PURGE_AFTER_MS) } } });
        }
        // One statement for every key: all recorded or none.
        const attempts = keys.map((k) => ({ id: randomUUID(), key: k.key, succeeded: false, at }));
        await tx.signInAttempt.createMany({ data: attempts });
        return attempts.map((a) => a.id);
      },
    ),
  );

  return {
    async succeeded() {
      await serialiseWrite(async () => {
        const clearing = keys.filter((k) => k.policy.clearOnSuccess).map((k) => k.key);
        await db.$transaction([
          db.signInAttempt.updateMany({ where: { id: { in: ids } }, data: { succeeded: true } }),
          db.signInAttempt.deleteMany({ where: { key: { in: clearing }, succeeded: false } }),
        ]);
      });
    },
  };
}
