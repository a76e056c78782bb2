// Typo distance for the phrase coach: optimal string alignment (Levenshtein plus swapping two
// neighbouring letters, the commonest slip on a tablet keyboard: "dwon", "shoudl"), stopping
// early once the distance is known to be above `max`. Our own 20 lines rather than a package:
// the small maintained ones (fastest-levenshtein, leven) count a swap as two edits, which would
// put "shoudl" as far from "should" as "shield" is. docs/decisions/0008-phrase-coach.md

/** The edit distance between `a` and `b`, or `max + 1` when it is larger than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}
