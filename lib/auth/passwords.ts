import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { cpus } from "node:os";
import { AppError } from "@/lib/errors";

// Argon2id with the library's defaults (m=19456 KiB, t=2, p=1), OWASP's recommended minimum.

/**
 * Argon2 is built to be slow and memory-hungry. A flood of sign-ins (real or made-up names) must
 * not take every core from the steps staff are recording, so only a few hashes run at once and
 * only a few more may wait; past that a sign-in is told to try again in a moment, having cost
 * nothing. Measured in `npm run bench` (appends' p95 during a sign-in flood).
 */
// Half the cores (one on a 2-core box): the other half stays free for the steps staff record.
const MAX_PARALLEL = positive(process.env.ARGON2_MAX_PARALLEL, Math.max(1, Math.floor(cpus().length / 2)));
const MAX_WAITING = positive(process.env.ARGON2_MAX_WAITING, 16);

function positive(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

let running = 0;
const waiting: (() => void)[] = [];

export const BUSY_MESSAGE = "Sign-in is busy right now. Wait a few seconds and try again.";

function busy(): AppError {
  return new AppError("rate_limited", BUSY_MESSAGE, { retryAfterSeconds: 3, reason: "busy" });
}

/**
 * Refuses a sign-in at once, before it is counted or written anywhere, when Argon2 is already at
 * capacity: a flood then costs a rejected request and nothing more.
 */
export function assertArgon2Capacity(): void {
  if (running >= MAX_PARALLEL && waiting.length >= MAX_WAITING) throw busy();
}

/** Runs one Argon2 job when a slot is free; refuses at once (429) when too many already wait. */
export async function withArgon2Slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) {
    if (waiting.length >= MAX_WAITING) throw busy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many Argon2 jobs run and wait right now (for tests and the bench). */
export function argon2Load(): { running: number; waiting: number; maxParallel: number; maxWaiting: number } {
  return { running, waiting: waiting.length, maxParallel: MAX_PARALLEL, maxWaiting: MAX_WAITING };
}

export function hashSecret(secret: string): Promise<string> {
  return withArgon2Slot(() => hash(secret));
}

export async function verifySecret(hashed: string | null | undefined, secret: string): Promise<boolean> {
  if (!hashed) return false;
  return withArgon2Slot(async () => {
    try {
      return await verify(hashed, secret);
    } catch {
      return false;
    }
  });
}

let decoy: Promise<string> | undefined;

/**
 * Spends as long as a real check when there is no account (or no secret set), so the answer's
 * timing does not tell an unknown email from a wrong password. Always false.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  decoy ??= hash("no account has this secret");
  await verifySecret(await decoy, secret);
  return false;
}
