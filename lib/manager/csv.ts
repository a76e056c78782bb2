import "server-only";
// RFC 4180 CSV: a field holding a comma, semicolon, quote, tab or line break is quoted, quotes
// doubled; lines end in CRLF. The semicolon and tab are quoted too because spreadsheets in many
// locales split on them, and a value split there could start a new cell with a formula (OWASP's
// CSV injection guidance: the separator matters, not only the first character).
//
// Formula guard (OWASP CSV injection; ASVS 5 V1.2.10; CWE-1236): free text that a spreadsheet
// would run as a formula gets a leading apostrophe, so an export never executes what a customer
// said. What it defuses:
// - anything starting with =, +, @, a tab, a carriage return, a line feed or a NUL (also after
//   leading spaces, which some importers trim);
// - anything starting with "-" that could make a formula: a second operator or any formula
//   syntax after the sign ("-2+3", "-cmd|' /C calc'!A0", "-SUM(A1:A9)", "-A1*2").
// What it leaves alone, because no spreadsheet executes it and an apostrophe would show:
// - numbers ("-10", "+3.5", "-1,250.00");
// - a "-" followed by plain words and numbers ("-10 degrees in the dining room", "- cold soup").
// Exports of typed numbers (JS numbers) are written as they are.

export type CsvValue = string | number | boolean | null | undefined;

/** Always a formula (or a way to hide one): these first characters. */
const FORMULA_START = /^[=+@\t\r\n\0]/;
/** A number as a spreadsheet reads it: a sign, digits with optional thousands commas, a decimal part. */
const PLAIN_NUMBER = /^[+-]?(?=[\d.])(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
/** After a leading "-", only these keep it plain text: letters, digits, spaces and sentence punctuation. */
const PLAIN_AFTER_MINUS = /^-[\p{L}\p{M}\p{N} .,'’?]*$/u;

/** Would a spreadsheet read this text as a formula (or a command)? */
export function looksLikeFormula(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return false;
  if (FORMULA_START.test(text)) return true;
  const start = text.trimStart();
  if (FORMULA_START.test(start)) return true;
  return start.startsWith("-") && !PLAIN_AFTER_MINUS.test(start);
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = looksLikeFormula(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
