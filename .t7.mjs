import nlp from "compromise/two";
for (const t of ["We aren't allowed to do that", "we arent allowed", "You weren't told", "It isn't true", "I wasn't told", "they're wrong", "he'd forgotten", "I'd get in trouble", "the chef's fault", "kitchen's swamped", "It's been busy"]) {
const d = nlp(t); d.compute("root"); console.log(t, "=>", d.document[0].map(x => `${x.normal}/${x.implicit ?? ""}/${x.root ?? ""}/${x.machine ?? ""}`).join(" "));}
