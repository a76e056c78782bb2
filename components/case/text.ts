/** Optional words left blank are omitted rather than recorded as "". */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** One entry per non-empty line: how staff type several alternatives in one box. */
export function lines(value: string): string[] {
  return value
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** "£12.50", "12.5", "12" → pence; null when it is not an amount of money. */
export function poundsToPence(value: string): number | null {
  const cleaned = value.replace(/[£,\s]/g, "");
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const pence = (match[2] ?? "").padEnd(2, "0");
  return Number(match[1]) * 100 + Number(pence);
}

/**
 * Someone's words quoted as a sentence: “It's cold.” keeps its own full stop, “It's cold” gets
 * one after the quote, never both.
 */
export function quotedSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? `“${t}”` : `“${t}”.`;
}
