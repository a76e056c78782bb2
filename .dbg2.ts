import nlp from "compromise/two";
import { expandPattern } from "./lib/playbook/phrase-patterns";
import { PHRASE_RULES } from "./lib/playbook/phrase-rules";
import { prepareText } from "./lib/playbook/phrase-text";
const [ruleId, text] = process.argv.slice(2);
const forms = (l: string) => { const [t] = nlp.parseMatch(`{${l}}`); const f = t ? Reflect.get(t, "fastOr") : null; return f instanceof Set ? [...f] as string[] : [l]; };
const prepared = prepareText(text, new Set(), [], { has: () => true });
console.log("prepared:", prepared.text);
const doc = nlp(prepared.text);
console.log(doc.document.map(s => s.map(t => `${t.normal}[${[...(t.tags ?? [])].slice(0,2).join("/")}]`).join(" ")).join(" || "));
const rule = PHRASE_RULES.find(r => r.id === ruleId)!;
for (const p of rule.says) { const ex = expandPattern(p, forms); const hits = ex.filter(e => doc.match(e).found); console.log(p.slice(0, 90), "→", ex.length, "variants; hits:", hits.map(h => h.slice(0, 120))); }
