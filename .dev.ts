import { DEVELOPMENT_CORPUS } from "./lib/playbook/testing/phrase-corpus";
import { scoreCorpus } from "./lib/playbook/testing/score-corpus";
const t0 = performance.now();
const s = scoreCorpus(DEVELOPMENT_CORPUS);
console.log("ms", Math.round(performance.now() - t0));
for (const r of s.rows) console.log(r.kind.padEnd(16), "P", r.precision, "R", r.recall, "fp", r.falsePositives, "fn", r.falseNegatives);
const only = process.argv[2];
for (const m of s.mistakes) if (!only || m.expected.includes(only as never) || m.got.includes(only as never)) console.log(JSON.stringify(m.text), "exp", m.expected.join(","), "got", m.got.join(","));
