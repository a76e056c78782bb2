import { assessPhrase } from "./lib/playbook/phrase-coach";
let t = performance.now(); assessPhrase("warm up"); console.log("compile ms", Math.round(performance.now() - t));
const lines = ["I'm sorry you feel that way, but we're short staffed tonight.", "No problem at all, I'll bring a fresh one.", "the machine is bust", "Would you like the steak remade, or something else from the menu?"];
const samples: number[] = [];
for (let i = 0; i < 400; i++) { const s = lines[i % 4]; t = performance.now(); assessPhrase(s); samples.push(performance.now() - t); }
samples.sort((a, b) => a - b); console.log("median ms", samples[200].toFixed(2), "p95", samples[380].toFixed(2));
