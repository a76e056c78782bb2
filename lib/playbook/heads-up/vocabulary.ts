// The closed vocabularies of a heads-up: telling customers about a problem before it reaches them.

export const HEADS_UP_STAGES = ["notice", "explain", "offer", "decide", "confirm", "prevent"] as const;
export type HeadsUpStage = (typeof HEADS_UP_STAGES)[number];
/** "complained": the customer complained anyway, and the case carried on as a complaint case. */
export type HeadsUpPhase = "new" | HeadsUpStage | "closed" | "complained" | "abandoned";
export const HEADS_UP_ENDED = ["closed", "complained", "abandoned"] as const satisfies readonly HeadsUpPhase[];

export const HEADS_UP_STAGE_LABELS: Record<HeadsUpStage, string> = {
  notice: "Notice",
  explain: "Explain",
  offer: "Offer options",
  decide: "Customer decides",
  confirm: "Confirm",
  prevent: "Prevent",
};

/** What kind of problem is coming the customer's way. */
export const HEADS_UP_KINDS = ["sold_out", "running_late", "out_of_order", "not_ready", "changed", "other"] as const;
export type HeadsUpKind = (typeof HEADS_UP_KINDS)[number];
export const HEADS_UP_KIND_LABELS: Record<HeadsUpKind, string> = {
  sold_out: "Sold out / unavailable",
  running_late: "Running late",
  out_of_order: "Out of order",
  not_ready: "Not ready yet",
  changed: "Changed from what was promised",
  other: "Something else",
};

/** What the customer can decide, as the seeds put it: wait, change or cancel (or something else). */
export const HEADS_UP_CHOICES = ["wait", "change", "cancel", "other"] as const;
export type HeadsUpChoice = (typeof HEADS_UP_CHOICES)[number];
export const HEADS_UP_CHOICE_LABELS: Record<HeadsUpChoice, string> = {
  wait: "Wait",
  change: "Change",
  cancel: "Cancel",
  other: "Something else",
};

/** The heads-up playbook's revision (see ../revision.ts for why a log remembers its rules). */
export const HEADS_UP_REVISION = 1;
