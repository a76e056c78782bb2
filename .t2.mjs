import nlp from "compromise/two";
const lex = nlp.world().model.one.lexicon;
console.log("lexicon size", Object.keys(lex).length, ["steak","salmon","sorry","waiter","bust","swamped","complain","relax","shout","hair","policy","authorise","authorize","bill","kitchen"].map(w=>w+":"+(w in lex)).join(" "));
console.log(typeof nlp.buildNet, typeof nlp("x").sweep);
const net = nlp.buildNet([{match:"sorry (if|that) (you|anyone) {feel}", id:"a"}, {match:"{take} [.] down wrong", id:"b"}, {match:"(calm|settle) down", id:"c"}, {match: "you (never|not) {tell}", id:"d"}]);
for (const t of ["I am sorry if you feel upset, but calm down.", "someone took your order down wrong", "You didn't tell us.", "you never told us", "You did not tell us"]) {
  const doc = nlp(t); doc.compute("root");
  const res = doc.sweep(net);
  console.log(t, JSON.stringify(res.found.map(f => ({id: f.id, text: f.view.text(), off: f.view.json({offset:true})[0]?.offset}))));
}
const d = nlp("We're sorry. No, we can't! Would you like tea? thanks");
console.log(d.sentences().json({offset:true}).map(s=>[s.text, s.offset]));
let doc = nlp("We cannot do that and you'll have to wait your turn"); console.log(JSON.stringify(doc.json({offset:true})[0].terms.map(t=>[t.normal,t.implicit,t.machine])));
doc = nlp("It's not something we do, wont happen, isnt fair, didnt know, shouldve said, youre wrong, theyre here, hes off sick"); doc.compute("root"); console.log(JSON.stringify(doc.json({offset:true})[0].terms.map(t=>[t.normal,t.implicit,t.machine,t.root])));
