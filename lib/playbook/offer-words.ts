// Whether words offered to a customer are a real offer, and whether an agreed option is itself a
// remedy. Shared by the practice customer and the rubric so that both judge an offer alike.
// Pure and small: no phrase coach here (the callers add its judgement where they need it).

/** Words that offer nothing: "Nothing else", "No", "n/a", "Sorry", "We can't". */
const NOT_AN_OFFER =
  /^(?:nothing(?:\s+(?:else|more|at all|we can do|i can do))?|none|no(?:pe)?|n\/?a|-+|\?+|\.+|sorry|not possible|can'?t|cannot|we can'?t|i can'?t|no alternative|no other option|that'?s it|nothing to offer)[\s.!]*$/i;

/** A real option or alternative: says something the customer could actually get. */
export function isRealOffer(text: string): boolean {
  const t = text.trim();
  if (t.length < 3) return false;
  if (NOT_AN_OFFER.test(t)) return false;
  // A refusal in the alternative's box ("No, we don't do that") offers nothing either.
  if (/^no[,.!\s]/i.test(t) && !/\b(?:charge|cost|extra)\b/i.test(t)) return false;
  return true;
}

/** An agreed option that itself makes up for the failure: "take it off the bill", "a refund". */
const REMEDY_WORDS =
  /\b(?:refund(?:ed)?|money back|off the bill|on the house|on us|free of charge|no charge|not charge|won'?t charge|complimentary|discount(?:ed)?|voucher|waive[ds]?|credit(?:ed)?|comp(?:ed|'d)?|half price|for free|pay nothing|nothing to pay)\b/i;

export function isRemedyOffer(text: string | undefined): boolean {
  return text !== undefined && REMEDY_WORDS.test(text);
}
