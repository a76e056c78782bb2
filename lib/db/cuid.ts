import "server-only";
import { randomInt } from "node:crypto";
import { hostname } from "node:os";

/**
 * An id as Prisma's `@default(cuid())` makes it, for the rows the raw-SQL hot path inserts
 * (./hot-append.ts): Prisma 7's client generates cuid v1 itself (its runtime's copy of the `cuid`
 * package), "c" + the time in base 36 + a 4-digit counter + a 4-digit fingerprint of the process
 * (pid and host name) + 8 random digits — 25 lower-case letters and digits, sortable by time. The
 * same construction here, with the random digits from node:crypto instead of Math.random.
 * tests/integration/hot-append.test.ts checks both paths' ids have the same shape.
 */
const BLOCK = 36 ** 4;
const pad = (value: number, size: number) => value.toString(36).padStart(size, "0").slice(-size);

function hostName(): string {
  try {
    return hostname();
  } catch {
    return "hostname";
  }
}

const host = hostName();
const fingerprint =
  pad(process.pid, 2) +
  pad(
    [...host].reduce((sum, ch) => sum + ch.charCodeAt(0), host.length + 36),
    2,
  );
let counter = 0;

export function newCuid(): string {
  counter = counter < BLOCK ? counter : 0;
  const count = pad(counter++, 4);
  return `c${Date.now().toString(36)}${count}${fingerprint}${pad(randomInt(BLOCK), 4)}${pad(randomInt(BLOCK), 4)}`;
}
