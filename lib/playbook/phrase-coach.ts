// Phrase coach: hears the lines that make a complaint worse (fake apologies, dismissing, "calm
// down", blaming the customer or a colleague, excuses, a blunt no, policy talk, arguing) in what a
// staff member typed or plans to say, and offers one honest line instead of each. A negative
// opener ("Unfortunately…") gets a gentle flag and the same sentence without it.
//
// The language work is done by compromise (tokens, sentences, lemmas, negation), over text whose
// surface noise was put right first (phrase-text.ts); the rules are data (phrase-rules.ts).
// Pure: no I/O, no React. The live coach loads this module after its panel takes input.
// docs/decisions/0008-phrase-coach.md
import nlp from "compromise/two";
import { expandPattern } from "./phrase-patterns";
import { prepareText, type Lexicon, type PreparedText } from "./phrase-text";
import { PHRASE_KIND_LABELS, type PhraseKind } from "./phrase-kinds";
import { APOLOGY_HEAD, NOT_AN_OFFER, OFFER_PATTERNS, OWNING_PATTERNS, PHRASE_RULES, type PhraseRule } from "./phrase-rules";

export { PHRASE_KINDS, PHRASE_KIND_LABELS, type PhraseKind } from "./phrase-kinds";

/** A flag to fix, or a gentle nudge (a negative opener) that does not count against an apology. */
export type PhraseSeverity = "flag" | "gentle";

export type PhraseFlag = {
  kind: PhraseKind;
  /** The rule that matched (phrase-rules.ts). */
  rule: string;
  severity: PhraseSeverity;
  /** The flagged words exactly as typed. */
  match: string;
  /** UTF-16 offsets into the text: text.slice(start, end) === match. */
  start: number;
  end: number;
  why: string;
  /** One line to say instead: no two flags on the same text share one, and none invents a reason. */
  suggestion: string;
};

/** An apology undermined in the same sentence by an excuse, blame, dismissal or argument. */
const UNDERMINED_APOLOGY: PhraseRule = {
  id: "apology-undermined",
  kind: "fake_apology",
  says: [],
  why: "The apology is taken back by what follows it in the same breath. Say sorry, and stop there.",
  suggest: [
    "I'm sorry. That shouldn't have happened, and I'll [what you will do] now.",
    "I'm really sorry about [what happened]. Let me put it right.",
  ],
};
const UNDERMINING: ReadonlySet<PhraseKind> = new Set(["dismissing", "blame_customer", "blame_colleague", "excuse", "argue", "policy"]);

// ── The compiled rules ──

type Role = "says" | "unless" | "offer" | "not-offer" | "owning" | "apology";
type Entry = { role: Role; rule: PhraseRule | null; pattern: string };

type Compiled = {
  entries: Entry[];
  net: ReturnType<typeof nlp.buildNet>;
  vocabulary: Set<string>;
  vocabularyList: string[];
  lexicon: Lexicon;
};

let compiled: Compiled | null = null;

function compile(): Compiled {
  const entries: Entry[] = [];
  for (const rule of PHRASE_RULES) {
    for (const pattern of rule.says) entries.push({ role: "says", rule, pattern });
    for (const pattern of rule.unless ?? []) entries.push({ role: "unless", rule, pattern });
  }
  for (const pattern of OFFER_PATTERNS) entries.push({ role: "offer", rule: null, pattern });
  for (const pattern of NOT_AN_OFFER) entries.push({ role: "not-offer", rule: null, pattern });
  for (const pattern of OWNING_PATTERNS) entries.push({ role: "owning", rule: null, pattern });
  for (const pattern of APOLOGY_HEAD) entries.push({ role: "apology", rule: null, pattern });
  const matches: { match: string; id: number }[] = [];
  entries.forEach((entry, id) => {
    for (const match of expandPattern(entry.pattern, formsOf)) matches.push({ match, id });
  });
  const net = nlp.buildNet(matches);

  // Every plain word the rules name: what a typo is corrected towards.
  const vocabulary = new Set<string>();
  for (const entry of entries) {
    for (const word of entry.pattern
      .replace(/<[a-z]+>/g, " ")
      .replace(/#[A-Za-z]+/g, " ")
      .match(/[a-z]+/g) ?? []) {
      if (word.length >= 4) vocabulary.add(word);
    }
  }
  const words = lexiconWords(nlp.model());
  return { entries, net, vocabulary, vocabularyList: [...vocabulary], lexicon: { has: (w) => words.has(w) } };
}

/** A lemma's forms as the library inflects them ("tell" → tell, told, tells, telling). */
function formsOf(lemma: string): string[] {
  const [token] = nlp.parseMatch(`{${lemma}}`);
  const forms: unknown = token ? Reflect.get(token, "fastOr") : undefined;
  return forms instanceof Set ? [...forms].filter((f): f is string => typeof f === "string" && /^[a-z']+$/.test(f)) : [lemma];
}

/** The NLP library's own word list (its lexicon), read defensively: typed `object` upstream. */
function lexiconWords(model: object): ReadonlySet<string> {
  const one: unknown = Reflect.get(model, "one");
  const lexicon: unknown = typeof one === "object" && one !== null ? Reflect.get(one, "lexicon") : undefined;
  return new Set(typeof lexicon === "object" && lexicon !== null ? Object.keys(lexicon) : []);
}

// ── Reading the library's output (typed loosely upstream) ──

type TermInfo = { start: number; end: number; post: string };

function termInfo(term: object): TermInfo {
  const offset: unknown = Reflect.get(term, "offset");
  const post: unknown = Reflect.get(term, "post");
  const start = typeof offset === "object" && offset !== null ? Number(Reflect.get(offset, "start")) : 0;
  const length = typeof offset === "object" && offset !== null ? Number(Reflect.get(offset, "length")) : 0;
  return { start, end: start + length, post: typeof post === "string" ? post : "" };
}

type Found = { id: number; sentence: number; from: number; to: number; view: ReturnType<typeof nlp> };

function readFound(item: object): Found | null {
  const id: unknown = Reflect.get(item, "id");
  const view: unknown = Reflect.get(item, "view");
  if (typeof id !== "number" || typeof view !== "object" || view === null || !("fullPointer" in view)) return null;
  const typed = view as ReturnType<typeof nlp>;
  const [sentence, from, to] = typed.fullPointer[0] ?? [];
  if (sentence === undefined || from === undefined || to === undefined) return null;
  return { id, sentence, from, to, view: typed };
}

// ── Assessing a text ──

type Hit = { entry: Entry; sentence: number; start: number; end: number; found: Found };

/** Recent answers: a trainer's page scores hundreds of cases, and the same words come back often. */
const recent = new Map<string, readonly PhraseFlag[]>();
const RECENT_MAX = 500;

/** Every line in `text` worth rephrasing, in order of appearance, each with one honest suggestion. */
export function assessPhrase(text: string): PhraseFlag[] {
  if (text.trim() === "") return [];
  const known = recent.get(text);
  if (known) return known.map((flag) => ({ ...flag }));
  const flags = assess(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value ?? "");
  recent.set(
    text,
    flags.map((flag) => ({ ...flag })),
  );
  return flags;
}

function assess(text: string): PhraseFlag[] {
  compiled ??= compile();
  const { entries, net } = compiled;
  const prepared = prepareText(text, compiled.vocabulary, compiled.vocabularyList, compiled.lexicon);
  const doc = nlp(prepared.text);
  doc.compute("offset");
  const sentences = doc.document.map((terms) => terms.map(termInfo));

  const hits: Hit[] = [];
  for (const item of doc.sweep(net).found) {
    const found = readFound(item);
    const terms = found ? sentences[found.sentence] : undefined;
    if (!found || !terms || found.to <= found.from) continue;
    const span = terms.slice(found.from, found.to);
    hits.push({
      entry: entries[found.id],
      sentence: found.sentence,
      start: Math.min(...span.map((t) => t.start)),
      end: Math.max(...span.map((t) => t.end)),
      found,
    });
  }
  const overlaps = (a: Hit, b: Hit) => a.sentence === b.sentence && a.start < b.end && b.start < a.end;
  const notOffers = hits.filter((h) => h.entry.role === "not-offer");
  const offerIn = new Set(hits.filter((h) => h.entry.role === "offer" && !notOffers.some((n) => overlaps(n, h))).map((h) => h.sentence));
  const owningIn = new Set(hits.filter((h) => h.entry.role === "owning").map((h) => h.sentence));
  const isQuestion = (n: number) => (sentences[n]?.at(-1)?.post ?? "").includes("?");

  const kept = hits.filter((hit) => {
    const rule = hit.entry.rule;
    if (hit.entry.role !== "says" || !rule) return false;
    if (hits.some((other) => other.entry.role === "unless" && other.entry.rule === rule && overlaps(other, hit))) return false;
    const excusedBy = rule.excusedBy ?? [];
    if (excusedBy.includes("offer") && (offerIn.has(hit.sentence) || offerIn.has(hit.sentence + 1))) return false;
    if (excusedBy.includes("owning") && owningIn.has(hit.sentence)) return false;
    if (rule.notInQuestion && isQuestion(hit.sentence)) return false;
    return true;
  });

  // An apology at the head of a sentence that goes on to excuse, blame or argue is not one.
  for (const head of hits.filter((h) => h.entry.role === "apology")) {
    const same = kept.filter((h) => h.sentence === head.sentence);
    if (same.some((h) => h.entry.rule?.kind === "fake_apology")) continue;
    if (same.some((h) => h.entry.rule && UNDERMINING.has(h.entry.rule.kind) && h.start >= head.end)) {
      kept.push({ ...head, entry: { role: "says", rule: UNDERMINED_APOLOGY, pattern: head.entry.pattern } });
    }
  }

  return toFlags(text, prepared, kept, doc);
}

function toFlags(text: string, prepared: PreparedText, hits: Hit[], doc: ReturnType<typeof nlp>): PhraseFlag[] {
  type Draft = { rule: PhraseRule; start: number; end: number; hit: Hit };
  const drafts: Draft[] = [];
  for (const hit of hits) {
    const rule = hit.entry.rule;
    if (!rule) continue;
    const span = trimSpan(text, prepared.startIn(hit.start), prepared.endIn(hit.end));
    if (span) drafts.push({ rule, ...span, hit });
  }
  // Earliest first, then longest; one flag per rule, and one per stretch of text for each kind.
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Draft[] = [];
  for (const draft of drafts) {
    if (chosen.some((c) => c.rule === draft.rule)) continue;
    if (chosen.some((c) => c.rule.kind === draft.rule.kind && draft.start < c.end && c.start < draft.end)) continue;
    chosen.push(draft);
  }
  const used = new Set<string>();
  return chosen.map(({ rule, start, end, hit }) => {
    const suggestion = suggestionFor(rule, { start, end }, text, prepared, hit, doc, used);
    used.add(suggestion);
    return {
      kind: rule.kind,
      rule: rule.id,
      severity: rule.kind === "negative_opener" ? "gentle" : "flag",
      match: text.slice(start, end),
      start,
      end,
      why: rule.why,
      suggestion,
    };
  });
}

type Span = { start: number; end: number };

/** The span without surrounding spaces and trailing punctuation; null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /[\s,.;:!?…"“”()—–-]/.test(text[s])) s++;
  while (e > s && /[\s,.;:!?…"“”()—–-]/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}

/** The first of the rule's lines, filled from what was matched, that no earlier flag used. */
function suggestionFor(
  rule: PhraseRule,
  span: Span,
  text: string,
  prepared: PreparedText,
  hit: Hit,
  doc: ReturnType<typeof nlp>,
  used: ReadonlySet<string>,
): string {
  const filled = rule.suggest.map((template) => fill(template, span, text, prepared, hit, doc));
  return filled.find((line) => !used.has(line)) ?? `${filled[0]} (${PHRASE_KIND_LABELS[rule.kind].replace(/[“”]/g, "")})`;
}

function fill(template: string, span: Span, text: string, prepared: PreparedText, hit: Hit, doc: ReturnType<typeof nlp>): string {
  let line = template;
  if (line.includes("{what}")) line = line.replace("{what}", whatWasRefused(text, span.start, span.end) ?? "do that");
  if (line.includes("{rest}")) line = line.replace("{rest}", restOfSentence(text, prepared, hit, doc) ?? "[what you can do, said first]");
  return line;
}

/** What was refused, from the matched words as typed ("We can't swap the chips" → "swap the chips"). */
function whatWasRefused(text: string, start: number, end: number): string | null {
  const said = text.slice(start, end).replace(/\s+/g, " ");
  const after = /(?:\bnot\b|n['’]?t\b|\bcannot\b)\s*(.*)$/i.exec(said)?.[1] ?? "";
  const words = after
    .replace(/^(?:be\s+|(?:able|going|allowed|authori[sz]ed|permitted|supposed|meant)\s+to\s*|in\s+a\s+position\s+to\s*)/i, "")
    .trim();
  // Only the words themselves, never anything that reads as a reason.
  if (words === "" || words.length > 40 || /\b(?:because|since|as|due|so)\b/i.test(words)) return null;
  return words.toLowerCase();
}

/** The sentence with its negative opener taken off ("Unfortunately, the salmon…" → "The salmon…"). */
function restOfSentence(text: string, prepared: PreparedText, hit: Hit, doc: ReturnType<typeof nlp>): string | null {
  const terms = doc.document[hit.sentence]?.map(termInfo) ?? [];
  const last = terms.at(-1);
  if (!last) return null;
  const from = prepared.endIn(hit.end);
  const to = prepared.endIn(last.end);
  const rest = text
    .slice(from, to)
    .replace(/^[\s,:;—–-]+/, "")
    .trim();
  if (rest.length < 3) return null;
  const sentence = rest.charAt(0).toUpperCase() + rest.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Whether the words are clear of everything but gentle nudges, and what was found. */
export function coachSummary(text: string): { ok: boolean; flags: PhraseFlag[] } {
  const flags = assessPhrase(text);
  return { ok: flags.every((f) => f.severity === "gentle"), flags };
}
