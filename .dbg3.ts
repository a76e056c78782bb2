import nlp from "compromise/two";
import { expandPattern } from "./lib/playbook/phrase-patterns";
import { PHRASE_RULES } from "./lib/playbook/phrase-rules";
const forms = (l: string) => { const [t] = nlp.parseMatch(`{${l}}`); const f = t ? Reflect.get(t, "fastOr") : null; return f instanceof Set ? [...f] as string[] : [l]; };
const rule = PHRASE_RULES.find(r => r.id === process.argv[2])!;
for (const e of expandPattern(rule.says[Number(process.argv[3] ?? 0)], forms)) console.log(e);
