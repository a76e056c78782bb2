// Scores lib/cases/redact.ts against a redaction corpus (tune.json or holdout.json beside this
// file): masking recall per kind, and precision two ways (masked spans that hit a real secret;
// protected items, such as prices, times, table numbers, dates and quantities, left intact).
import { readFileSync } from "node:fs";
import path from "node:path";
import { findPersonalDetails, maskPersonalDetails, type PersonalDetailKind } from "@/lib/cases/redact";

export type CorpusEntry = { text: string; name?: string[]; phone?: string[]; email?: string[]; keep?: string[] };
export const KINDS: PersonalDetailKind[] = ["name", "phone", "email"];

export function loadCorpus(file: "tune" | "holdout"): CorpusEntry[] {
  return (JSON.parse(readFileSync(path.join(__dirname, `${file}.json`), "utf8")) as { entries: CorpusEntry[] }).entries;
}

const NOT_NAME_TOKENS = new Set(["mr", "mrs", "ms", "miss", "dr", "mx", "sir", "professor", "van", "der", "de", "la"]);
const NOT_EMAIL_TOKENS = new Set([
  "dot",
  "at",
  "underscore",
  "dash",
  "hyphen",
  "com",
  "org",
  "net",
  "co",
  "uk",
  "io",
  "de",
  "es",
  "ie",
  "jp",
  "travel",
]);

const wholeWord = (token: string, text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu").test(text);

/** Whether a masked text still shows any part of a secret a reader could use. */
export function leaks(kind: PersonalDetailKind, secret: string, masked: string): boolean {
  if (masked.toLowerCase().includes(secret.toLowerCase())) return true;
  const plain = masked.normalize("NFKC");
  const secretPlain = secret.normalize("NFKC");
  if (kind === "phone") {
    const digits = secretPlain.replace(/\D/g, "");
    if (plain.replace(/\D/g, "").includes(digits)) return true;
    return (secretPlain.match(/\d{2,}/g) ?? []).some((group) => new RegExp(`(?<!\\d)${group}(?!\\d)`).test(plain));
  }
  const tokens = secretPlain.split(/[^\p{L}\p{N}'_-]+/u).filter((t) => t.length >= 2);
  const skip = kind === "name" ? NOT_NAME_TOKENS : NOT_EMAIL_TOKENS;
  return tokens.filter((t) => !skip.has(t.toLowerCase()) && (kind === "name" || t.length >= 3)).some((t) => wholeWord(t, plain));
}

export type Score = {
  strings: number;
  secrets: Record<PersonalDetailKind, { total: number; masked: number }>;
  spans: { total: number; onSecret: number };
  keep: { total: number; intact: number };
  misses: string[];
  falseMasks: string[];
};

export function score(entries: CorpusEntry[]): Score {
  const result: Score = {
    strings: entries.length,
    secrets: { name: { total: 0, masked: 0 }, phone: { total: 0, masked: 0 }, email: { total: 0, masked: 0 } },
    spans: { total: 0, onSecret: 0 },
    keep: { total: 0, intact: 0 },
    misses: [],
    falseMasks: [],
  };
  for (const entry of entries) {
    const masked = maskPersonalDetails(entry.text);
    const secretRanges: [number, number][] = [];
    for (const kind of KINDS) {
      for (const secret of entry[kind] ?? []) {
        result.secrets[kind].total++;
        if (leaks(kind, secret, masked)) result.misses.push(`${kind} “${secret}” in: ${masked}`);
        else result.secrets[kind].masked++;
        for (let i = entry.text.indexOf(secret); i >= 0; i = entry.text.indexOf(secret, i + 1)) secretRanges.push([i, i + secret.length]);
      }
    }
    for (const span of findPersonalDetails(entry.text)) {
      result.spans.total++;
      if (secretRanges.some(([s, e]) => span.start < e && s < span.end)) result.spans.onSecret++;
      else result.falseMasks.push(`${span.kind} “${entry.text.slice(span.start, span.end)}” in: ${entry.text}`);
    }
    for (const keep of entry.keep ?? []) {
      result.keep.total++;
      if (masked.includes(keep)) result.keep.intact++;
      else result.falseMasks.push(`kept “${keep}” lost in: ${masked}`);
    }
  }
  return result;
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);

export function recall(s: Score): number {
  const total = KINDS.reduce((a, k) => a + s.secrets[k].total, 0);
  const masked = KINDS.reduce((a, k) => a + s.secrets[k].masked, 0);
  return masked / total;
}

export function report(label: string, s: Score): string {
  const total = KINDS.reduce((a, k) => a + s.secrets[k].total, 0);
  const masked = KINDS.reduce((a, k) => a + s.secrets[k].masked, 0);
  const rows = [
    `${label}: ${s.strings} strings`,
    `  recall  names ${s.secrets.name.masked}/${s.secrets.name.total} (${pct(s.secrets.name.masked, s.secrets.name.total)})` +
      `  phones ${s.secrets.phone.masked}/${s.secrets.phone.total} (${pct(s.secrets.phone.masked, s.secrets.phone.total)})` +
      `  emails ${s.secrets.email.masked}/${s.secrets.email.total} (${pct(s.secrets.email.masked, s.secrets.email.total)})` +
      `  all ${masked}/${total} (${pct(masked, total)})`,
    `  precision  masked spans on a secret ${s.spans.onSecret}/${s.spans.total} (${pct(s.spans.onSecret, s.spans.total)})` +
      `  protected items intact ${s.keep.intact}/${s.keep.total} (${pct(s.keep.intact, s.keep.total)})`,
    ...s.misses.map((m) => `  missed: ${m}`),
    ...s.falseMasks.map((m) => `  over-masked: ${m}`),
  ];
  return rows.join("\n");
}
