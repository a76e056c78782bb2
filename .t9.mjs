import nlp from "compromise/two";
console.log(typeof nlp.parseMatch);
const r = nlp.parseMatch("{feel}"); console.log(JSON.stringify(r, (k, v) => v instanceof Set ? [...v] : v));
const r2 = nlp.parseMatch("{let}"); console.log(JSON.stringify(r2, (k, v) => v instanceof Set ? [...v] : v));
const r3 = nlp.parseMatch("{tell}"); console.log(JSON.stringify(r3, (k, v) => v instanceof Set ? [...v] : v));
const d = nlp("Unfortunately, the lift is down. We aren't going to");
console.log(d.match("(unfortunately|sadly)").text(), "|", d.match("^(well|oh)? (unfortunately|sadly)").text(), "|", d.match("(calm down|settle down)? the lift").text(), "|", d.match("the (lift|machine) is (down|broken|out of order)").text());
