// The phrase coach's categories and their labels, apart from the coach itself so that screens
// can name a flag without loading the NLP library the coach carries.

export const PHRASE_KINDS = [
  "fake_apology",
  "dismissing",
  "calm_down",
  "blame_customer",
  "blame_colleague",
  "excuse",
  "blunt_refusal",
  "policy",
  "argue",
  "negative_opener",
] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

export const PHRASE_KIND_LABELS: Record<PhraseKind, string> = {
  fake_apology: "Not a real apology",
  dismissing: "Dismissing",
  calm_down: "“Calm down”",
  blame_customer: "Blaming the customer",
  blame_colleague: "Blaming a colleague",
  excuse: "Excuse",
  blunt_refusal: "Blunt no",
  policy: "Policy talk",
  argue: "Arguing",
  negative_opener: "Negative opener",
};
