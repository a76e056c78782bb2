import nlp from "compromise/two";
const pats = ["(calm down|settle down|take it easy)", "you should (have|of)? {say}", "there is no way$", "it is (only|just) (a|an)? .{0,2} (hair|scratch)", "{kitchen} is? swamped", "(i|we) (am|are) not (allowed|authorised) to", "^(well|oh)? unfortunately", "you are (so|just)? (wrong|mistaken)", "nothing .? (i|we) can {do}", "(would|do) you (like|want) the (bill|check)"];
const net = nlp.buildNet(pats.map((m, i) => ({ match: m, id: i })));
for (const t of ["Take it easy, sir.", "Please settle down.", "You should've said.", "You should have said.", "you should have said", "There's no way.", "There's no way we'd let you", "It's only a small hair, I'll", "the kitchens swamped", "the kitchen's swamped", "We aren't allowed to do that", "Well, unfortunately it's gone", "You're wrong", "You're not wrong", "There is nothing I can't do", "There's nothing we can do", "No. Would you like the bill?", "I'm sorry, but you didn't"]) {
  const doc = nlp(t); doc.compute("root"); doc.compute("offset");
  const { found } = doc.sweep(net);
  console.log(JSON.stringify(t), "=>", found.map(f => `${pats[f.id]} :: ${JSON.stringify(f.view.fullPointer[0].slice(0,3))}`).join(" ;; ") || "-");
}
const d = nlp("I'm sorry, we can't."); d.compute("offset"); console.log(d.document[0].map(t => [t.text, t.normal, t.implicit, t.offset, t.tags && [...t.tags].join("/")]));
console.log(Object.keys(nlp.model().one));
