import nlp from "compromise/two";
const t = "We aren't allowed to do that";
const pats = ["(i|we) (am|are) not (allowed|authorised) to", "we are not allowed", "we (am|are) not", "we are", "are not allowed", "(am|are) not allowed"];
for (const p of pats) { const d = nlp(t); d.compute("root"); const net = nlp.buildNet([{match:p, id:0}]); console.log(p, "| match:", d.match(p).text(), "| sweep:", d.sweep(net).found.length); }
