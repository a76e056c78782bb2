import nlp from "compromise/two";
const [text, ...pats] = process.argv.slice(2);
const d = nlp(text);
console.log(d.document.map(s => s.map(t => `${t.normal}${(t as {root?: string}).root ? "~" + (t as {root?: string}).root : ""}[${[...(t.tags ?? [])].slice(0,3).join("/")}]`).join(" ")).join(" || "));
for (const p of pats) console.log(p, "=>", JSON.stringify(d.match(p).text()), "sweep", d.sweep(nlp.buildNet([{ match: p }])).found.length);
