import nlp from "compromise/two";
const net = nlp.buildNet([{ match: "we (can|will) not [<what>{do} .{0,3}]", id: 1 }]);
const doc = nlp("We can't do substitutions tonight. ok"); doc.compute("root");
const { found } = doc.sweep(net);
for (const f of found) { console.log(Object.keys(f), f.view.text(), f.view.groups ? JSON.stringify(Object.fromEntries(Object.entries(f.view.groups()).map(([k,v])=>[k,v.text()]))) : "nogroups"); 
const m = f.view.match("we (can|will) not [<what>{do} .{0,3}]"); console.log(m.groups("what").text(), JSON.stringify(m.groups("what").json({offset:true})[0]?.offset)); }
const d2 = nlp("Sorry, but that's how it is. Would you like tea?"); console.log(d2.json({offset:true}).map(s=>[s.text, s.offset, s.terms.length]));
console.log(nlp("no").json({offset:true})[0].terms[0].tags, nlp("No.").json()[0].terms[0].tags);
const d3 = nlp("hello   world.  Second one"); console.log(JSON.stringify(d3.json({offset:true}).map(s=>s.terms.map(t=>[t.text,t.pre,t.post,t.offset]))));
