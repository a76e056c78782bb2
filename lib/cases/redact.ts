import "server-only";
/**
 * Trainers learn from real cases without seeing who the customer was. Every free-text field in
 * a case's log (and the customer's words and spot on a case row) goes through
 * `maskPersonalDetails` on the server before a trainer, or a trainee practising on someone
 * else's case, gets it:
 *
 *  - email addresses, written normally or spelled out ("jane dot doe at example dot com",
 *    "sam [at] example [dot] co [dot] uk") become EMAIL_MASK;
 *  - phone numbers, found by libphonenumber-js (any country, with extensions) become PHONE_MASK;
 *  - people's names, found by the compromise NLP tagger (plus a few cue phrases such as
 *    "my name is …" for names it leaves untagged), become NAME_MASK; a title before a name
 *    ("Mr", "Dr") is kept.
 *
 * Before detection the text is normalised on a copy whose every character remembers where it
 * came from, so masks land on the original text: full-width forms (NFKC), middle dots and
 * bullets used as separators, dashes, invisible characters, and digits glued to words.
 * A field whose key names a customer's name is dropped. Identifiers, dates and closed-set
 * values are left alone so the replay still folds. What is masked, exactly, is in the README;
 * the corpus in tests/security/redaction-corpus/ measures it.
 */
import nlp from "compromise";
import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js/max";

export const EMAIL_MASK = "[email removed]";
export const PHONE_MASK = "[phone removed]";
export const NAME_MASK = "[name removed]";

export type PersonalDetailKind = "email" | "phone" | "name";
/** A stretch of the original text [start, end) that holds a personal detail. */
export type PersonalDetailSpan = { start: number; end: number; kind: PersonalDetailKind };

const MASKS: Record<PersonalDetailKind, string> = { email: EMAIL_MASK, phone: PHONE_MASK, name: NAME_MASK };

/** Numbers written without a country code are read as this country's (the venues are in the UK). */
const DEFAULT_PHONE_REGION: CountryCode = "GB";

// ---------------------------------------------------------------------------------------------
// Normalisation, with a map back to the original text
// ---------------------------------------------------------------------------------------------

/** A normalised copy of a text; `origin[i]` is where its character i came from in the original. */
type Mapped = { text: string; origin: number[] };

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;
const DOT_LIKE = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF65\u2024]/u;
const DASH_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;

function normalise(text: string): Mapped {
  // Plain ASCII has nothing to normalise (and is most of what staff type).
  // eslint-disable-next-line no-control-regex -- tab and line breaks are plain text here
  if (/^[\x09\x0A\x0D\x20-\x7E]*$/.test(text)) return { text, origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
  let out = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    let replacement: string;
    if (INVISIBLE.test(char)) replacement = "";
    else if (DOT_LIKE.test(char)) replacement = ".";
    else if (DASH_LIKE.test(char)) replacement = "-";
    else replacement = char.normalize("NFKC");
    if (DOT_LIKE.test(replacement)) replacement = ".";
    for (const c of replacement) {
      for (let k = 0; k < c.length; k++) origin.push(i);
      out += c;
    }
    i += char.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** Spaces between letters and digits that touch ("call07700900123", "900131asap"), for the phone finder. */
function unglue(mapped: Mapped): Mapped {
  let out = "";
  const origin: number[] = [];
  const { text } = mapped;
  for (let i = 0; i < text.length; i++) {
    const prev = text[i - 1];
    const char = text[i];
    if (prev !== undefined && ((/\p{L}/u.test(prev) && /\d/.test(char)) || (/\d/.test(prev) && /\p{L}/u.test(char)))) {
      out += " ";
      origin.push(mapped.origin[i]);
    }
    out += char;
    origin.push(mapped.origin[i]);
  }
  origin.push(mapped.origin[text.length]);
  return { text: out, origin };
}

/** A span of a normalised copy, back on the original text. */
function toOriginal(mapped: Mapped, start: number, end: number, kind: PersonalDetailKind): PersonalDetailSpan {
  const last = Math.max(start, end - 1);
  const lastOrigin = mapped.origin[last] ?? mapped.origin[mapped.origin.length - 1];
  // The end is just past the last original character the span covers (surrogate pairs included).
  const nextOrigin = mapped.origin.find((o, i) => i > last && o > lastOrigin) ?? mapped.origin[mapped.origin.length - 1];
  return { start: mapped.origin[start], end: Math.max(nextOrigin, mapped.origin[start]), kind };
}

// ---------------------------------------------------------------------------------------------
// Emails
// ---------------------------------------------------------------------------------------------

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// Spelled out: "jane dot doe at example dot com", "priya (at) example (dot) com", "jane @ example . com".
const BRACKETED = (word: string) => `[\\(\\[\\{<]\\s*${word}\\s*[\\)\\]\\}>]`;
const AT = `(?:\\s*(?:@|${BRACKETED("at")})\\s*|\\s+at\\s+)`;
const DOT = `(?:\\.|\\s+\\.\\s+|\\s*${BRACKETED("dot")}\\s*|\\s+dot\\s+)`;
const JOIN = `(?:${DOT}|\\s+(?:underscore|dash|hyphen)\\s+)`;
const WORD = `[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_+-]*[\\p{L}\\p{N}])?`;
const LABEL = `[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?`;
// Top-level domains people dictate: the generic ones and any two-letter country code.
const TLD = `(?:com|org|net|edu|gov|info|biz|io|app|dev|me|travel|online|email|co|[\\p{L}]{2})`;
const PROVIDER = `(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|protonmail|btinternet)`;
const SPELLED_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}])${WORD}(?:${JOIN}${WORD})*${AT}(?:${LABEL}(?:${DOT}${LABEL})*${DOT}${TLD}|${PROVIDER})(?![\\p{L}\\p{N}])`,
  "giu",
);

function findEmails(mapped: Mapped): PersonalDetailSpan[] {
  const spans: PersonalDetailSpan[] = [];
  for (const pattern of [EMAIL, SPELLED_EMAIL]) {
    for (const match of mapped.text.matchAll(pattern)) {
      spans.push(toOriginal(mapped, match.index, match.index + match[0].length, "email"));
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

function findPhones(mapped: Mapped): PersonalDetailSpan[] {
  // No country's numbers are shorter than this; most text has fewer digits and skips the search.
  if ((mapped.text.match(/\d/g)?.length ?? 0) < 5) return [];
  const unglued = unglue(mapped);
  // extended: any number of a possible length for its country ("POSSIBLE" leniency). The default
  // would also demand a number range in use today, which misses new ranges, the numbers kept
  // for drama (07700 900xxx) and a number misremembered by a digit.
  return findPhoneNumbersInText(unglued.text, { defaultCountry: DEFAULT_PHONE_REGION, extended: true }).map((found) =>
    toOriginal(unglued, found.startsAt, found.endsAt, "phone"),
  );
}

// ---------------------------------------------------------------------------------------------
// People's names
// ---------------------------------------------------------------------------------------------

/**
 * Things named after people that are not people: dishes, drinks, brands and a phrase or two
 * (and "o'clock", which the tagger reads like O'Neil). A name found inside one is left alone.
 */
const NOT_PEOPLE = [
  "o'clock",
  "earl grey",
  "lady grey",
  "shirley temple",
  "roy rogers",
  "bloody mary",
  "virgin mary",
  "victoria sponge",
  "jack daniel's",
  "jack daniels",
  "johnnie walker",
  "jim beam",
  "captain morgan",
  "eggs benedict",
  "beef wellington",
  "caesar salad",
  "margherita",
  "pavlova",
  "chateaubriand",
  "tournedos rossini",
  "omelette arnold bennett",
  "sally lunn",
  "charlotte russe",
  "grace period",
];
const NOT_A_PERSON = new RegExp(
  `(?<![\\p{L}])(?:${NOT_PEOPLE.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}])`,
  "giu",
);

/** Words before a name that say one follows, even in lower case ("my name is jane doe"). */
const NAMING_CUES = [["name", "is"], ["name", "was"], ["name's"], ["named"], ["called"], ["under", "the", "name"]];
/** Words before a capitalised word that make it a name ("ask for Aoife", "I'm Tom"). */
const PERSON_CUES = [
  ["i'm"],
  ["i", "am"],
  ["this", "is"],
  ["ask", "for"],
  ["asked", "for"],
  ["spoke", "to"],
  ["speak", "to"],
  ["under"],
  ["regards"],
  ["signed"],
  ["thanks"],
];
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "prof", "professor", "madam", "mme", "mlle"]);
/** Lower-case words inside a name ("Van der Berg", "Al-Hassan" is one word already). */
const NAME_PARTICLES = new Set([
  "van",
  "der",
  "den",
  "de",
  "la",
  "le",
  "du",
  "von",
  "da",
  "di",
  "del",
  "al",
  "bin",
  "ben",
  "ap",
  "mac",
  "st",
]);
/** Tags of words that are never part of a name. */
const NOT_NAME_TAGS = [
  "Determiner",
  "Preposition",
  "Conjunction",
  "Pronoun",
  "Verb",
  "Adverb",
  "Value",
  "Date",
  "Month",
  "WeekDay",
  "QuestionWord",
  "Expression",
  "Negative",
  "Unit",
  "Currency",
];

/** A word as the tagger leaves it (compromise's document), its offset in the text it was given. */
type Term = { text: string; normal: string; post: string; tags: Set<string>; offset: { start: number; length: number } };
type Tagged = { document: Term[][]; compute(method: string): unknown };

/** A sentence of the text, and where it sits in the text the tagger is given. */
type Segment = { start: number; end: number; at: number };

function findNames(mapped: Mapped, taken: PersonalDetailSpan[], everySentence: boolean): PersonalDetailSpan[] {
  // Emails and phone numbers are already masked; blank them so the tagger does not read into them.
  // Every change below keeps the length, so offsets in `text` are offsets in mapped.text.
  const chars = mapped.text.split("");
  for (const span of taken) {
    for (let i = 0; i < chars.length; i++) if (mapped.origin[i] >= span.start && mapped.origin[i] < span.end) chars[i] = " ";
  }
  let text = chars.join("");
  const letters = text.replace(/[^\p{L}]/gu, "");
  // Shouted text: the tagger reads every capitalised word as a name, so it reads a lower-case copy.
  const shouted = letters.length >= 4 && letters.replace(/[^\p{Lu}]/gu, "").length / letters.length > 0.6;
  if (shouted) {
    text = text
      .split("")
      .map((c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c))
      .join("");
  }
  // "Mr.Smith": a title glued to the name.
  text = text.replace(/\b(Mrs|Mr|Ms|Dr|Mx)\.(?=\p{Lu})/gu, "$1 ");

  // The tagger is the slow part: it reads only the sentences where a name could be, in one go.
  const segments: Segment[] = [];
  let joined = "";
  for (const [start, end] of sentences(text)) {
    if (!everySentence && !mayNameSomeone(text.slice(start, end), shouted)) continue;
    if (joined) joined += "\n\n";
    segments.push({ start, end, at: joined.length });
    joined += text.slice(start, end);
  }
  if (!segments.length) return [];
  const toText = (offset: number) => {
    const segment = segments.findLast((s) => s.at <= offset) ?? segments[0];
    return segment.start + (offset - segment.at);
  };

  const doc = nlp(joined) as unknown as Tagged;
  doc.compute("offset");
  const found: [number, number][] = [];
  for (const sentence of doc.document) {
    const terms = sentence.filter((t) => t.text !== "");
    // 1. The tagger's people: runs of words it tagged as a person (a title before them is kept).
    for (let i = 0; i < terms.length; i++) {
      if (!isPersonWord(terms[i])) continue;
      let last = i;
      while (last + 1 < terms.length && isPersonWord(terms[last + 1]) && !breaksRun(terms[last])) last++;
      found.push([terms[i].offset.start, end(terms[last])]);
      i = last;
    }
    // 2. Names it leaves untagged, after a title, a person ("the guest, …") or a cue phrase.
    for (let i = 0; i < terms.length; i++) {
      const cue = cueBefore(terms, i);
      if (!cue) continue;
      const run = nameRun(terms, i, cue === "naming" || cue === "title", shouted);
      if (run) found.push(run);
    }
  }
  const notPeople = [...joined.matchAll(NOT_A_PERSON)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  return found
    .filter(([s, e]) => !notPeople.some(([ns, ne]) => s < ne && ns < e))
    .map(([s, e]) => toOriginal(mapped, toText(s), toText(e - 1) + 1, "name"));
}

function isPersonWord(term: Term): boolean {
  return term.tags.has("Person") && !term.tags.has("Honorific") && !TITLES.has(term.normal) && /\p{L}/u.test(term.text);
}

/** Punctuation after a word that ends a name ("Raj, was"), a line break included. */
function breaksRun(term: Term): boolean {
  return /[,;:!?()\n]/.test(term.post);
}

/** Sentences of a text as [start, end) offsets: split after . ! ? and line breaks, but not after a title or an initial. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]+(?=\s)|\n+/g)) {
    const before = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? "";
    if (match[0].startsWith(".") && (TITLES.has(before.toLowerCase()) || before.length === 1)) continue;
    const end = match.index + match[0].length;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

const PERSON_TAGS = ["MaleName", "FemaleName", "FirstName", "LastName", "Person", "Honorific"];
let personWords: Set<string> | null = null;
/** Words the tagger's own lexicon knows as names or titles, and the cue words below. */
function knownPersonWords(): Set<string> {
  if (!personWords) {
    const model = nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } };
    const lexicon = model.one?.lexicon ?? {};
    personWords = new Set(
      Object.entries(lexicon)
        .filter(([, tags]) => [tags].flat().some((t) => PERSON_TAGS.includes(t)))
        .map(([word]) => word),
    );
    for (const title of TITLES) personWords.add(title);
    // Person cues ("ask for …") only matter before a capitalised word, which is a trigger already.
    for (const cue of NAMING_CUES.flat()) if (cue.length > 3) personWords.add(cue);
  }
  return personWords;
}

/**
 * Whether the tagger could find a name in this sentence at all: a word its lexicon knows as a
 * name or a title, a cue word, or a capitalised word that does not start the sentence. Most of
 * what staff type has none, and the tagger is the slow part (tests/security/i10-4-redaction.test.ts
 * checks that skipping it changes no result on the corpus or on the demo cases).
 */
function mayNameSomeone(sentence: string, shouted: boolean): boolean {
  const known = knownPersonWords();
  let first = true;
  for (const match of sentence.matchAll(/[\p{L}'’]+/gu)) {
    const word = match[0];
    if (known.has(word.toLowerCase().replace(/['’]s$/, ""))) return true;
    if (!first && !shouted && /^\p{Lu}/u.test(word) && !/^I(['’](m|ve|ll|d))?$/.test(word)) return true;
    first = false;
  }
  return false;
}

function end(term: Term): number {
  return term.offset.start + term.offset.length;
}

/** What, right before terms[i], says a name may start there. */
function cueBefore(terms: Term[], i: number): "naming" | "title" | "person" | null {
  const previous = terms[i - 1];
  if (!previous) return null;
  // "Booking name: Fitzgerald": the colon is the cue.
  if (previous.normal === "name" && /^\s*:\s*$/.test(previous.post)) return "naming";
  // A person, then their name: "the guest, Oluwaseun Adeyemi", "Customer (Hannah Lee)", "our waiter Liam".
  if (previous.tags.has("Actor") && /^\s*[,(]?\s*$/.test(previous.post)) return "person";
  if (breaksRun(previous)) return null;
  if (TITLES.has(previous.normal.replace(/\.$/, ""))) return "title";
  const words = terms.slice(Math.max(0, i - 3), i).map((t) => t.normal.replace(/[^\p{L}\p{N}']/gu, ""));
  const endsWith = (cue: string[]) => cue.length <= words.length && cue.every((w, k) => words[words.length - cue.length + k] === w);
  if (NAMING_CUES.some(endsWith)) return "naming";
  if (PERSON_CUES.some(endsWith)) return "person";
  return null;
}

/** One to three words from terms[i] that can be a name; lenient takes lower-case words too. */
function nameRun(terms: Term[], i: number, lenient: boolean, shouted: boolean): [number, number] | null {
  const isWord = (t: Term) => /\p{L}/u.test(t.text) && !NOT_NAME_TAGS.some((tag) => t.tags.has(tag));
  const capitalised = (t: Term) => /^\p{Lu}/u.test(t.text);
  const nameLike = (t: Term) =>
    isWord(t) &&
    (capitalised(t) ||
      ((lenient || shouted) &&
        (t.tags.has("Person") || t.tags.has("ProperNoun") || (lenient && t.tags.has("Noun") && !t.tags.has("Actor")))));
  const first = terms[i];
  if (!first || !nameLike(first)) return null;
  let last = first;
  for (let k = i + 1, words = 1; k < terms.length && words < 3; k++) {
    const t = terms[k];
    if (breaksRun(terms[k - 1])) break;
    if (NAME_PARTICLES.has(t.normal) && terms[k + 1] && nameLike(terms[k + 1])) continue;
    if (!nameLike(t)) break;
    last = t;
    words++;
  }
  return [first.offset.start, end(last)];
}

// ---------------------------------------------------------------------------------------------
// Putting it together
// ---------------------------------------------------------------------------------------------

/**
 * Texts already looked at, most recent last. An ended case's words never change and the trainer's
 * pages show the same cases again and again (list, replay, scores), so each text is read once per
 * process, not once per page. Bounded, so a long-running server does not grow.
 */
const seen = new Map<string, readonly PersonalDetailSpan[]>();
const SEEN_LIMIT = 10_000;

/** Forgets every text looked at: for benchmarks that time a first look. */
export function forgetSeenTexts(): void {
  seen.clear();
}

/** Every personal detail found in a text, as non-overlapping spans of the original, in order. */
export function findPersonalDetails(
  text: string,
  kinds: readonly PersonalDetailKind[] = ["email", "phone", "name"],
  /** Tag every sentence, not only those where a name could be (for the test that checks the shortcut). */
  options: { everySentence?: boolean } = {},
): readonly PersonalDetailSpan[] {
  if (!text) return [];
  if (options.everySentence) return detect(text, kinds, true);
  const key = `${kinds.join(",")}\u0000${text}`;
  const known = seen.get(key);
  if (known) {
    seen.delete(key);
    seen.set(key, known);
    return known;
  }
  const spans = detect(text, kinds, false);
  seen.set(key, spans);
  if (seen.size > SEEN_LIMIT) seen.delete(seen.keys().next().value ?? "");
  return spans;
}

function detect(text: string, kinds: readonly PersonalDetailKind[], everySentence: boolean): readonly PersonalDetailSpan[] {
  const mapped = normalise(text);
  const spans: PersonalDetailSpan[] = [];
  if (kinds.includes("email")) spans.push(...findEmails(mapped));
  if (kinds.includes("phone")) spans.push(...findPhones(mapped).filter((p) => !spans.some((s) => overlaps(s, p))));
  if (kinds.includes("name")) spans.push(...findNames(mapped, spans, everySentence).filter((n) => !spans.some((s) => overlaps(s, n))));
  return merge(spans).map((span) => Object.freeze(span));
}

function overlaps(a: PersonalDetailSpan, b: PersonalDetailSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, with overlapping spans joined (the earlier kind wins). */
function merge(spans: PersonalDetailSpan[]): PersonalDetailSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalDetailSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

function mask(text: string, spans: readonly PersonalDetailSpan[]): string {
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + MASKS[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}

/** Masks email addresses, phone numbers and people's names in one piece of free text. */
export function maskPersonalDetails(text: string): string {
  return mask(text, findPersonalDetails(text));
}

/** Masks email addresses and phone numbers only: for fields that name staff, not customers (an action's owner). */
export function maskContactDetails(text: string): string {
  return mask(text, findPersonalDetails(text, ["email", "phone"]));
}

// ---------------------------------------------------------------------------------------------
// Event data
// ---------------------------------------------------------------------------------------------

/** Keys whose values are structure, not something a person typed. */
const STRUCTURED_KEYS = new Set([
  "id",
  "actionId",
  "dueAt",
  "reference",
  "locationId",
  "tags",
  "kind",
  "category",
  "mood",
  "feeling",
  "decision",
  "backTo",
  "status",
]);

/** Free text that names a member of staff (who carries out an agreed action): contact details are masked, the name kept. */
const STAFF_NAME_KEYS = new Set(["owner"]);

/** A customer's name, wherever a future event carries one. */
const NAME_KEY = /^(customer|guest|caller|complainant)_?(full_?)?name$/i;

/** What to mask: everything (what a trainer reads), or contact details only (what scores are computed from). */
export type RedactionLevel = "all" | "contacts";

function redactValue(value: unknown, key: string | null, level: RedactionLevel): unknown {
  if (typeof value === "string") {
    if (key !== null && STRUCTURED_KEYS.has(key)) return value;
    return level === "contacts" || (key !== null && STAFF_NAME_KEYS.has(key)) ? maskContactDetails(value) : maskPersonalDetails(value);
  }
  if (Array.isArray(value)) return key !== null && STRUCTURED_KEYS.has(key) ? value : value.map((item) => redactValue(item, null, level));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (NAME_KEY.test(k)) continue;
      out[k] = redactValue(v, k, level);
    }
    return out;
  }
  return value;
}

/** Deep-masks one event's data; the shape is unchanged apart from dropped name fields. */
export function redactEventData<T>(data: T, level: RedactionLevel = "all"): T {
  return redactValue(data, null, level) as T;
}

type ViewWithLog = { log: readonly { data: unknown }[] };

/** A case view as a trainer may see it. The input is not changed. */
export function redactForTrainer<V extends ViewWithLog>(view: V): V {
  return { ...view, log: redactEvents(view.log) };
}

/** A log (or any list of events) as a trainer may see it: each event's data deep-masked. The input is not changed. */
export function redactEvents<E extends { data: unknown }>(log: readonly E[], level: RedactionLevel = "all"): E[] {
  return log.map((event) => ({ ...event, data: redactEventData(event.data, level) }));
}
