import "server-only";
/**
 * PINs a guesser tries first. A PIN on a shared tablet is the only thing between a colleague and
 * someone else's name on a complaint, so the commonest ones are refused when an admin sets them.
 *
 * Refused: one digit repeated (1111, 000000); a run up or down (1234, 9876, 012345); a short
 * pattern repeated (1212, 123123, 2525); and the most used PINs in published studies of leaked
 * PIN sets (DataGenetics' analysis of 3.4 million four-digit PINs, and the six-digit lists from
 * the same kind of leaks), the few dozen at the top of each.
 */
export const COMMON_PINS: ReadonlySet<string> = new Set([
  // Four digits, most used first (after the repeats and runs the rules below already catch).
  "1004",
  "2000",
  "6969",
  "1122",
  "1313",
  "2001",
  "1010",
  "1984",
  "1985",
  "1986",
  "1987",
  "1988",
  "1989",
  "1990",
  "1991",
  "1992",
  "1993",
  "1994",
  "1995",
  "1996",
  "1997",
  "1998",
  "1999",
  "2002",
  "2003",
  "2004",
  "2005",
  "2010",
  "2020",
  "4200",
  "1230",
  "1969",
  "1972",
  "1973",
  "1980",
  "1982",
  "1983",
  "2468",
  "1357",
  "2580",
  "0852",
  "1478",
  "7410",
  "1369",
  "9630",
  "0007",
  "1066",
  "6666",
  "3141",
  "1701",
  "1123",
  "0911",
  "1225",
  "0101",
  "1231",
  "1001",
  "1100",
  "2112",
  "4455",
  "5150",
  "2525",
  "1214",
  "1975",
  "1976",
  "1977",
  "1978",
  "1979",
  "1981",
  "7007",
  "1112",
  "1211",
  "1221",
  // Six digits.
  "123123",
  "123321",
  "112233",
  "121212",
  "159753",
  "696969",
  "102030",
  "147258",
  "147852",
  "258369",
  "131313",
  "232323",
  "520520",
  "123654",
  "111222",
  "100200",
  "101010",
  "159357",
  "789456",
  "456123",
  "321321",
  "147369",
  "741852",
  "963852",
  "258456",
  "000111",
]);

/** One digit, n times. */
function isRepeatedDigit(pin: string): boolean {
  return /^(\d)\1+$/.test(pin);
}

/** Every digit one more (or one less) than the one before, wrapping 9 → 0: 1234, 7890, 3210. */
function isRun(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - digits[i] + 10) % 10);
  return steps.every((s) => s === 1) || steps.every((s) => s === 9);
}

/** A block of one to half the PIN's length, repeated: 1212, 123123, 4545. */
function isRepeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** Why this PIN is too easy to guess, in words for the admin setting it; null when it is fine. */
export function weakPinReason(pin: string): string | null {
  if (isRepeatedDigit(pin)) return "That PIN is one digit repeated: pick one that is harder to guess";
  if (isRun(pin)) return "That PIN is a run of digits: pick one that is harder to guess";
  if (isRepeatedBlock(pin)) return "That PIN repeats a pattern: pick one that is harder to guess";
  if (COMMON_PINS.has(pin)) return "That PIN is one of the most used: pick one that is harder to guess";
  return null;
}

export function isWeakPin(pin: string): boolean {
  return weakPinReason(pin) !== null;
}
