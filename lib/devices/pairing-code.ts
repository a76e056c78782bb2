import "server-only";
import { createHash, randomInt } from "node:crypto";

/**
 * Pairing codes: eight characters from an alphabet without the look-alikes (no 0/O, 1/I), shown
 * as "ABCD-EFGH". 32⁸ ≈ 10¹² codes, each alive for minutes and tried a few times an hour per
 * address (lib/auth/throttle.ts PAIRING_POLICY): not guessable. Only a hash is stored.
 */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
/** How long a code shown on the manager's desk stays valid. */
export const PAIRING_CODE_MS = 10 * 60 * 1000;

export function newPairingCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** What the person typed, as the code it means: case, spaces and dashes do not matter. */
export function normalisePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

export function hashPairingCode(code: string): string {
  return createHash("sha256")
    .update(`pairing:${normalisePairingCode(code)}`)
    .digest("hex");
}

/** The link a tablet opens (or scans) to pair; the code is filled in, the person still confirms. */
export function pairingUrl(origin: string, code: string): string {
  return `${origin.replace(/\/$/, "")}/pair?code=${encodeURIComponent(code)}`;
}
