import nlp from "compromise/two";
import { prepareText } from "./lib/playbook/phrase-text";
const words = new Set(Object.keys((nlp.model() as {one: {lexicon: object}}).one.lexicon));
console.log(words.has("complaind"), words.has("complain"), words.has("complained"));
const vocab = ["complain","complained","complains","complaining","comply"];
console.log(prepareText("nobody else has complaind", new Set(vocab), vocab, { has: (w) => words.has(w) }).text);
