// Turns the phrase rules' patterns into what compromise's matcher takes. The rules are written
// with nested choices ("({let} (us|me) down|{fail})") and lemmas inside choices, which read well;
// compromise takes a choice of words ("(a|b)", also "(calm down|settle down)") and a lemma on its
// own ("{feel}"), but not a lemma or a nested choice inside a choice. So a lemma inside a choice
// becomes its forms ("feel|felt|feels|feeling"), and a choice whose options are longer than a
// word is split into one pattern per option. Pure.

/** A pattern's parts: a word or token as compromise reads it, or a choice between sequences. */
type Part = { kind: "token"; text: string } | { kind: "choice"; options: Part[][]; optional: boolean };

function parse(pattern: string): Part[] {
  let at = 0;
  const sequence = (closing: boolean): Part[][] => {
    const options: Part[][] = [[]];
    let token = "";
    const flush = () => {
      if (token.trim()) options[options.length - 1].push({ kind: "token", text: token.trim() });
      token = "";
    };
    while (at < pattern.length) {
      const ch = pattern[at];
      if (ch === "(") {
        flush();
        at++;
        const inner = sequence(true);
        const optional = pattern[at] === "?";
        if (optional) at++;
        options[options.length - 1].push({ kind: "choice", options: inner, optional });
      } else if (ch === ")" && closing) {
        flush();
        at++;
        return options;
      } else if (ch === "|" && closing) {
        flush();
        options.push([]);
        at++;
      } else if (ch === " ") {
        flush();
        at++;
      } else {
        token += ch;
        at++;
      }
    }
    flush();
    return options;
  };
  return sequence(false)[0];
}

const PLAIN = /^[a-z']+$/;

/** Joins two pieces of a pattern: "^" sticks to what follows it, "$" to what precedes it. */
function join(head: string, tail: string): string {
  if (tail === "") return head;
  if (head === "") return tail;
  if (head.endsWith("^") || tail.startsWith("$")) return `${head}${tail}`;
  return `${head} ${tail}`;
}
const LEMMA = /^\{([a-z]+)\}$/;

/**
 * Expands `pattern` into compromise patterns. `forms` gives a lemma's forms ("feel" → feel, felt,
 * feels, feeling): compromise's own inflection, passed in to keep this module free of it.
 */
export function expandPattern(pattern: string, forms: (lemma: string) => readonly string[]): string[] {
  const render = (parts: readonly Part[]): string[] => {
    let results = [""];
    for (const part of parts) {
      const variants = part.kind === "token" ? [part.text] : renderChoice(part);
      const next: string[] = [];
      for (const head of results) for (const variant of variants) next.push(join(head, variant));
      results = next;
    }
    return results;
  };
  const renderChoice = (choice: Extract<Part, { kind: "choice" }>): string[] => {
    const words: string[] = [];
    const phrases: string[] = [];
    const complex: Part[][] = [];
    for (const option of choice.options) {
      const single = option.length === 1 && option[0].kind === "token" ? option[0].text : null;
      const lemma = single ? LEMMA.exec(single) : null;
      if (single && PLAIN.test(single)) words.push(single);
      else if (lemma) words.push(...forms(lemma[1]));
      else if (option.every((p) => p.kind === "token" && PLAIN.test(p.text)))
        phrases.push(option.map((p) => (p.kind === "token" ? p.text : "")).join(" "));
      else complex.push(option);
    }
    const variants: string[] = [];
    // A choice of single words stays one choice; each phrase becomes a pattern of its own:
    // compromise's matcher misses a choice of phrases after a run of any words (".{0,2}").
    if (words.length > 0) variants.push(`(${[...new Set(words)].join("|")})`);
    variants.push(...new Set(phrases));
    for (const option of complex) variants.push(...render(option));
    if (choice.optional) variants.push("");
    return variants;
  };
  return [...new Set(render(parse(pattern)))].filter((p) => p.trim() !== "");
}
