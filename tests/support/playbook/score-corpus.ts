// Precision and recall of the phrase coach over a part of its labelled corpus, per category.
// Shared by the unit test (development part) and the bench (held-out part).
import { assessPhrase, PHRASE_KINDS, type PhraseKind } from "@/lib/playbook/phrase-coach";
import type { CorpusLine } from "./phrase-corpus";

export type CategoryScore = {
  kind: PhraseKind | "any flag" | "noisy lines";
  /** Lines labelled with it. */
  lines: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when the coach never flagged it (nothing to be precise about). */
  precision: number | null;
  /** null when no line is labelled with it. */
  recall: number | null;
};

export type Mistake = { text: string; expected: PhraseKind[]; got: PhraseKind[] };

export type CorpusScore = { rows: CategoryScore[]; mistakes: Mistake[]; lines: number; flagged: number; clean: number };

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function row(kind: CategoryScore["kind"], pairs: readonly { expected: boolean; got: boolean }[]): CategoryScore {
  const truePositives = pairs.filter((p) => p.expected && p.got).length;
  const falsePositives = pairs.filter((p) => !p.expected && p.got).length;
  const falseNegatives = pairs.filter((p) => p.expected && !p.got).length;
  return {
    kind,
    lines: pairs.filter((p) => p.expected).length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
  };
}

export function scoreCorpus(lines: readonly CorpusLine[]): CorpusScore {
  const results = lines.map((line) => ({ line, got: [...new Set(assessPhrase(line.text).map((f) => f.kind))].sort() }));
  const rows = PHRASE_KINDS.map((kind) =>
    row(
      kind,
      results.map((r) => ({ expected: r.line.kinds.includes(kind), got: r.got.includes(kind) })),
    ),
  );
  rows.push(
    row(
      "any flag",
      results.map((r) => ({ expected: r.line.kinds.length > 0, got: r.got.length > 0 })),
    ),
  );
  // Noisy lines (typos, no apostrophes, lower case): is each flagged line still caught, each clean one still left alone?
  const noisy = results.filter((r) => r.line.noisy);
  rows.push(
    row(
      "noisy lines",
      noisy.map((r) => ({ expected: r.line.kinds.length > 0, got: r.got.length > 0 })),
    ),
  );
  const mistakes = results
    .filter((r) => r.got.join() !== [...r.line.kinds].sort().join())
    .map((r) => ({ text: r.line.text, expected: [...r.line.kinds].sort(), got: r.got }));
  return {
    rows,
    mistakes,
    lines: lines.length,
    flagged: lines.filter((l) => l.kinds.length > 0).length,
    clean: lines.filter((l) => l.kinds.length === 0).length,
  };
}
