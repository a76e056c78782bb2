import { assessPhrase } from "./lib/playbook/phrase-coach";
for (const t of process.argv.slice(2)) console.log(JSON.stringify(t), "=>", JSON.stringify(assessPhrase(t).map(f => [f.kind, f.rule, f.match, f.suggestion])));
