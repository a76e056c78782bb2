import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";

/**
 * Slow-down and lockout for sign-in, per account ("user:<id>") and per address ("ip:<addr>").
 *
 * Every attempt is written as a failure *before* the secret is checked and only turned into a
 * success afterwards, inside the process-wide write queue. So twenty guesses fired at once are
 * counted as twenty, not as zero: the fourth already has to wait.
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
  /** This many failures in the window lock the key… */
  lockAfter: number;
  /** …for this long after the last failure. */
  lockMs: number;
  /** A correct secret wipes the key's failures (accounts), or does not (addresses). */
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
 * One address guessing across accounts. Looser than an account's: every tablet in a restaurant
 * usually shares one public address, so a busy shift's honest typos must not lock the whole floor.
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

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export type ThrottleKey = { key: string; policy: ThrottlePolicy; scope: "account" | "address" };

export function accountKey(userId: string, policy: ThrottlePolicy = ACCOUNT_POLICY): ThrottleKey {
  return { key: `user:${userId}`, policy, scope: "account" };
}

export function addressKey(address: string, policy: ThrottlePolicy = ADDRESS_POLICY): ThrottleKey {
  return { key: `ip:${address}`, policy, scope: "address" };
}

export type Verdict = { ok: true } | { ok: false; reason: "slow" | "locked"; waitMs: number };

/** How far back `judge` needs to see failures. */
export function lookbackMs(policy: ThrottlePolicy): number {
  return policy.windowMs + policy.lockMs;
}

/**
 * Pure: may another attempt go ahead, given this key's failure times? Any `lockAfter` failures
 * within one window lock the key from the last of them for `lockMs`; after a lock the count
 * starts again. Below that, from `slowAfter` failures in the window each attempt waits.
 */
export function judge(failures: readonly Date[], policy: ThrottlePolicy, now: Date): Verdict {
  const t = now.getTime();
  const times = failures.map((at) => at.getTime()).filter((at) => at <= t).sort((a, b) => a - b);

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

export type SecretKind = "PIN" | "password";

function refusal(verdict: Extract<Verdict, { ok: false }>, scope: ThrottleKey["scope"], secret: SecretKind): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(verdict.waitMs / 1000));
  const details = { retryAfterSeconds, reason: verdict.reason, scope };
  if (verdict.reason === "slow") {
    return new AppError("rate_limited", `Too many tries — wait ${retryAfterSeconds} seconds`, details);
  }
  const minutes = Math.max(1, Math.ceil(verdict.waitMs / MINUTE));
  const unit = minutes === 1 ? "minute" : "minutes";
  const wrong = secret === "PIN" ? "wrong PINs" : "wrong passwords";
  const message =
    scope === "account"
      ? `This account is locked for ${minutes} ${unit} after too many ${wrong}`
      : `Sign-in from this device is paused for ${minutes} ${unit} after too many ${wrong}`;
  return new AppError("locked", message, details);
}

/** An attempt in flight: counted as a failure until `succeeded` is called. */
export type Attempt = { succeeded(): Promise<void> };

/**
 * Refuses (429 slow down, 423 locked) when any key is throttled; otherwise records the attempt
 * as a failure for every key and returns a handle to mark it a success once the secret matched.
 */
export async function beginAttempt(db: Db, keys: readonly ThrottleKey[], secret: SecretKind, now: Clock = systemClock): Promise<Attempt> {
  const ids = await serialiseWrite(async () => {
    const at = now();
    const longest = Math.max(...keys.map((k) => lookbackMs(k.policy)));
    const rows = await db.signInAttempt.findMany({
      where: { key: { in: keys.map((k) => k.key) }, succeeded: false, at: { gt: new Date(at.getTime() - longest) } },
      select: { key: true, at: true },
    });
    // Account first: "this account is locked" tells the person more than "this device".
    const ordered = [...keys].sort((a, b) => (a.scope === b.scope ? 0 : a.scope === "account" ? -1 : 1));
    for (const k of ordered) {
      const verdict = judge(rows.filter((r) => r.key === k.key).map((r) => r.at), k.policy, at);
      if (!verdict.ok) throw refusal(verdict, k.scope, secret);
    }
    const created = [];
    for (const k of keys) {
      // Forget what no window will ever look at again, one key at a time (uses the key/at index).
      await db.signInAttempt.deleteMany({ where: { key: k.key, at: { lt: new Date(at.getTime() - 24 * 60 * MINUTE) } } });
      created.push(await db.signInAttempt.create({ data: { key: k.key, succeeded: false, at }, select: { id: true } }));
    }
    return created.map((c) => c.id);
  });

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
