import nlp from "compromise/two";
function run(patterns, texts) {
  const net = nlp.buildNet(patterns.map((m, i) => ({ match: m, id: i })));
  for (const t of texts) {
    const doc = nlp(t); doc.compute("root");
    const { found } = doc.sweep(net);
    console.log(JSON.stringify(t), "=>", found.map(f => `${patterns[f.id]} :: "${f.view.text()}" ptr=${JSON.stringify(f.view.fullPointer[0].slice(0,3))}`).join(" ;; ") || "-");
  }
}
run(["we (can|will) not {do} (that|this|it)", "^no$", "^no .", "you #Adverb? (did|do)? (never|not) {tell}", "{take} * down wrong", "(someone|somebody) #Adverb? {take} (your|the) order", "sorry if .? (you|anyone) .? {be}? {offend}", "^unfortunately", "cannot", "i am not (authorised|authorized|allowed) to", "it is what it is", "(that|it) is not [something] we do"],
 ["We can't do that.", "We cannot do that.", "we wont do that", "No.", "No, sorry.", "Oh no, that's awful.", "You didn't tell us.", "You never told us", "you never actually told us", "Someone took your order down wrong", "Somebody must have taken the order down wrong", "Sorry if anyone was offended", "sorry if you were offended", "Unfortunately, the salmon is gone.", "Great. Unfortunately the salmon is gone.", "im not authorised to", "I'm not authorized to", "It is what it is", "That's not something we do", "its not something we do", "thats not something we do"]);
let t0 = performance.now(); const pats=[]; for (let i=0;i<300;i++) pats.push(`(word${i}|other${i}) {take} thing${i}`); pats.push("sorry if .? (you|anyone)");
const net = nlp.buildNet(pats.map((m,i)=>({match:m,id:i})));
console.log("build ms", performance.now()-t0);
t0 = performance.now(); for (let i=0;i<200;i++){ const d=nlp("I'm sorry if you feel that way, but we're short-staffed tonight and the kitchen is swamped."); d.compute("root"); d.sweep(net);} console.log("per sweep+parse ms", (performance.now()-t0)/200);
t0 = performance.now(); for (let i=0;i<200;i++){ const d=nlp("I'm sorry if you feel that way, but we're short-staffed tonight and the kitchen is swamped."); d.compute("root");} console.log("per parse ms", (performance.now()-t0)/200);
