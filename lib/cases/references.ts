import "server-only";
import { randomInt } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read aloud and to type.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newCaseReference(): string {
  let ref = "";
  for (let i = 0; i < 6; i++) ref += ALPHABET[randomInt(ALPHABET.length)];
  return `C-${ref}`;
}
