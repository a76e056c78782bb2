// The phrase coach's first pass over what was typed: the surface noise that staff type on a
// tablet in a hurry is put right word by word (curly apostrophes, "thats", "u", "should of",
// American -ize spellings, a letter or two off) and contractions are spelt out ("can't" → "can
// not"), keeping a map back to the original text so a flag always points at the words as typed.
// Pure.
import { editDistance } from "./edit-distance";

/** A word-for-word rewrite of the typed text, and the way back to offsets in the original. */
export type PreparedText = {
  text: string;
  /** Offset in the original text of `text[position]` (start of a span). */
  startIn: (position: number) => number;
  /** Offset in the original text just after `text[position - 1]` (end of a span). */
  endIn: (position: number) => number;
};

/** Apostrophe-less contractions that are never ordinary words, and text-speak. */
const SLANG: Readonly<Record<string, string>> = {
  im: "I'm",
  ive: "I've",
  youre: "you're",
  youve: "you've",
  youll: "you'll",
  youd: "you'd",
  theyre: "they're",
  theyve: "they've",
  theyll: "they'll",
  weve: "we've",
  thats: "that's",
  whats: "what's",
  theres: "there's",
  heres: "here's",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  cant: "can't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  wouldnt: "wouldn't",
  wont: "won't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  mustnt: "mustn't",
  shouldve: "should've",
  couldve: "could've",
  wouldve: "would've",
  mustve: "must've",
  itll: "it'll",
  thatll: "that'll",
  hes: "he's",
  shes: "she's",
  u: "you",
  ya: "you",
  pls: "please",
  plz: "please",
  thx: "thanks",
  cos: "because",
  coz: "because",
  cuz: "because",
  mins: "minutes",
  ok: "okay",
  cannot: "can not",
};

/** Words after "ur" that make it "you're" rather than "your". */
const UR_YOU_ARE = new Set([
  "wrong",
  "right",
  "not",
  "being",
  "getting",
  "so",
  "very",
  "just",
  "making",
  "overreacting",
  "mistaken",
  "confused",
  "the",
  "only",
  "welcome",
  "upset",
  "angry",
  "a",
  "always",
  "too",
]);
/** Words after "your" that make it "you're" ("your wrong"). */
const YOUR_YOU_ARE = new Set([
  "wrong",
  "not",
  "being",
  "getting",
  "overreacting",
  "mistaken",
  "confused",
  "welcome",
  "so",
  "very",
  "too",
  "always",
  "making",
]);
/** Words before "ill" that keep it "ill" (unwell) rather than "I'll". */
const ILL_UNWELL = new Set([
  "off",
  "is",
  "are",
  "was",
  "were",
  "feel",
  "feeling",
  "felt",
  "been",
  "very",
  "so",
  "too",
  "be",
  "fell",
  "taken",
  "fallen",
  "gone",
  "got",
  "looks",
  "seriously",
  "sick",
]);
/** Words after "were" at the start of a sentence that make it a question ("Were you told?"), not "we're". */
const WERE_STARTS_QUESTION = new Set(["you", "they", "we", "there", "these", "those", "the", "all", "both", "any", "it"]);
/** Words whose "'s" is "is" or "has", never a possessive. */
const S_IS = new Set([
  "it",
  "that",
  "there",
  "here",
  "what",
  "he",
  "she",
  "who",
  "where",
  "how",
  "this",
  "everything",
  "nothing",
  "something",
  "everyone",
  "nobody",
  "someone",
  "somebody",
  "one",
]);
/** After a noun, "'s" followed by one of these is "is"/"has" ("the kitchen's swamped"), not a possessive. */
const S_PREDICATE = new Set([
  "been",
  "not",
  "so",
  "really",
  "very",
  "just",
  "still",
  "always",
  "swamped",
  "slammed",
  "broken",
  "bust",
  "down",
  "playing",
  "acting",
  "gone",
  "packed",
  "off",
  "out",
  "full",
  "busy",
  "manic",
  "rammed",
  "behind",
  "completely",
  "totally",
  "useless",
  "on",
  "in",
  "a",
  "an",
  "the",
  "never",
  "already",
  "run",
  "rushed",
  "stopped",
  "died",
  "gone",
  "new",
  "only",
  "fine",
  "closed",
  "shut",
  "here",
  "there",
]);
/** After "'d", these make it "had" ("he'd forgotten"); otherwise "would". */
const D_HAD = new Set([
  "been",
  "forgotten",
  "done",
  "told",
  "had",
  "gone",
  "said",
  "asked",
  "read",
  "checked",
  "made",
  "got",
  "already",
  "never",
  "just",
  "taken",
  "booked",
  "ordered",
  "mentioned",
  "left",
]);
const NOT_STEMS: Readonly<Record<string, string>> = { ca: "can", wo: "will", sha: "shall", ai: "is" };

/** Spells a contraction out in full ("can't" → "can not"), or null when it is not one. */
function expand(word: string, next: string): string | null {
  const apostrophe = word.indexOf("'");
  if (apostrophe <= 0) return null;
  const head = word.slice(0, apostrophe);
  const tail = word.slice(apostrophe + 1).toLowerCase();
  const lowerHead = head.toLowerCase();
  switch (tail) {
    case "t":
      if (!lowerHead.endsWith("n")) return null;
      return `${NOT_STEMS[lowerHead.slice(0, -1)] ?? head.slice(0, -1)} not`;
    case "m":
      return `${head} am`;
    case "re":
      return `${head} are`;
    case "ve":
      return `${head} have`;
    case "ll":
      return `${head} will`;
    case "d":
      return `${head} ${D_HAD.has(next) ? "had" : "would"}`;
    case "s":
      if (lowerHead === "let") return "let us";
      if (next === "been" || next === "got") return `${head} has`;
      return S_IS.has(lowerHead) || S_PREDICATE.has(next) ? `${head} is` : null;
    default:
      return null;
  }
}

type Edit = { start: number; end: number; replacement: string };

export type Lexicon = { has: (word: string) => boolean };

/**
 * Rewrites `original` for the coach. `vocabulary` is every word the rules name: a word that is
 * neither known to `lexicon` (the NLP library's) nor in the vocabulary, and is one or two letters
 * away from exactly one vocabulary word with the same first letter, is read as that word.
 */
export function prepareText(
  original: string,
  vocabulary: ReadonlySet<string>,
  vocabularyList: readonly string[],
  lexicon: Lexicon,
): PreparedText {
  const source = original.replace(/[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g, "'");
  const words = [...source.matchAll(/[A-Za-z][A-Za-z']*|\d+/g)];
  const edits: Edit[] = [];
  const lower = words.map((m) => m[0].toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const match = words[i];
    const word = lower[i];
    const start = match.index;
    const end = start + match[0].length;
    const next = lower[i + 1] ?? "";
    const next2 = lower[i + 2] ?? "";
    const previous = lower[i - 1] ?? "";
    const sentenceStart = i === 0 || /[.!?]\s*$/.test(source.slice(words[i - 1].index, start));
    const replacement = rewrite(word, match[0], { previous, next, next2, sentenceStart }, vocabulary, vocabularyList, lexicon);
    if (replacement !== null && replacement.toLowerCase() !== word) edits.push({ start, end, replacement });
  }
  return applyEdits(source, edits);
}

type Neighbours = { previous: string; next: string; next2: string; sentenceStart: boolean };

function rewrite(
  word: string,
  typed: string,
  { previous, next, next2, sentenceStart }: Neighbours,
  vocabulary: ReadonlySet<string>,
  vocabularyList: readonly string[],
  lexicon: Lexicon,
): string | null {
  if (/\d/.test(word)) return null;
  const slang = SLANG[word];
  if (slang) return expand(slang, next) ?? slang;
  if (word.includes("'")) return expand(typed, next);
  if (word === "its" && next !== "own") return next === "been" ? "it has" : "it is";
  if (word === "ur") return UR_YOU_ARE.has(next) ? "you are" : "your";
  if (word === "r") return "are";
  if (word === "your" && (YOUR_YOU_ARE.has(next) || (next === "the" && next2 === "one"))) return "you are";
  if (word === "ill" && !ILL_UNWELL.has(previous)) return "I will";
  if (word === "id" && (sentenceStart || ["and", "but", "so"].includes(previous))) return "I would";
  if (word === "were" && sentenceStart && !WERE_STARTS_QUESTION.has(next)) return "we are";
  if (word === "of" && ["should", "could", "would", "must"].includes(previous)) return "have";
  // American spellings: authorize, apologize, realize → -ise (same length, same meaning).
  const american = /^([a-z]{4,})iz(e|es|ed|ing|ation|ations)$/.exec(word);
  if (american) return `${american[1]}is${american[2]}`;
  if (word.length < 4 || vocabulary.has(word) || known(word, lexicon)) return null;
  return closest(word, vocabularyList);
}

/** A word the library knows, directly or once a common ending is taken off. */
function known(word: string, lexicon: Lexicon): boolean {
  if (lexicon.has(word)) return true;
  for (const [ending, restore] of [
    ["s", ""],
    ["es", ""],
    ["ed", ""],
    ["ed", "e"],
    ["ing", ""],
    ["ing", "e"],
    ["ly", ""],
    ["er", ""],
    ["ers", ""],
  ] as const) {
    if (word.endsWith(ending) && word.length - ending.length >= 3 && lexicon.has(word.slice(0, -ending.length) + restore)) return true;
  }
  return false;
}

/** The one vocabulary word within reach (same first letter), or null when none or several are. */
function closest(word: string, vocabularyList: readonly string[]): string | null {
  const max = word.length >= 8 ? 2 : 1;
  // A doubled letter dropped or added ("sory", "shoutting") is the commonest slip: it wins outright.
  const squashed = squash(word);
  const doubled = vocabularyList.find((candidate) => candidate !== word && squash(candidate) === squashed);
  if (doubled) return doubled;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of vocabularyList) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > max) continue;
    const d = editDistance(word, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= max && best !== null) {
      // Two forms of one word ("complained", "complains") are not a real tie: either will do.
      if (!sameFamily(candidate, best)) tie = true;
    }
  }
  return best !== null && bestDistance <= max && !tie ? best : null;
}

function squash(word: string): string {
  return word.replace(/(.)\1+/g, "$1");
}

/** Forms of one word: they differ only in their last two letters or so. */
function sameFamily(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= Math.min(a.length, b.length) - 2 && common >= 4;
}

function applyEdits(source: string, edits: readonly Edit[]): PreparedText {
  if (edits.length === 0) return { text: source, startIn: (p) => p, endIn: (p) => p };
  // Segments of the rewritten text, each with the stretch of the original it stands for.
  type Segment = { from: number; to: number; sourceFrom: number; sourceTo: number; rewritten: boolean };
  const segments: Segment[] = [];
  let text = "";
  let cursor = 0;
  const push = (piece: string, sourceFrom: number, sourceTo: number, rewritten: boolean) => {
    if (piece === "" && sourceFrom === sourceTo) return;
    segments.push({ from: text.length, to: text.length + piece.length, sourceFrom, sourceTo, rewritten });
    text += piece;
  };
  for (const edit of edits) {
    push(source.slice(cursor, edit.start), cursor, edit.start, false);
    push(edit.replacement, edit.start, edit.end, true);
    cursor = edit.end;
  }
  push(source.slice(cursor), cursor, source.length, false);
  const find = (p: number, end: boolean) =>
    segments.find((s) => (end ? p > s.from && p <= s.to : p >= s.from && p < s.to)) ?? segments[segments.length - 1];
  return {
    text,
    startIn: (p) => {
      const s = find(p, false);
      return s.rewritten ? s.sourceFrom : Math.min(s.sourceTo, s.sourceFrom + (p - s.from));
    },
    endIn: (p) => {
      const s = find(p, true);
      return s.rewritten ? s.sourceTo : Math.min(s.sourceTo, s.sourceFrom + (p - s.from));
    },
  };
}
