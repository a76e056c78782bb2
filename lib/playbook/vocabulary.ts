// The closed vocabularies of a complaint. Root-cause tags are not here: they are data
// in the database, managed by admins (see prisma/seed/root-causes.ts for the defaults).

export const STAGES = ["listen", "validate", "apologise", "solve", "compensate", "confirm", "prevent"] as const;
export type Stage = (typeof STAGES)[number];
export type Phase = "new" | Stage | "closed" | "abandoned";

export const STAGE_LABELS: Record<Stage, string> = {
  listen: "Listen",
  validate: "Validate",
  apologise: "Apologise",
  solve: "Solve",
  compensate: "Compensate",
  confirm: "Confirm",
  prevent: "Prevent",
};

export const CATEGORIES = [
  "food_quality",
  "drink",
  "wait_time",
  "service",
  "billing",
  "room",
  "cleanliness",
  "noise",
  "booking",
  "product",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  food_quality: "Food quality",
  drink: "Drinks",
  wait_time: "Waiting",
  service: "Service",
  billing: "Bill / payment",
  room: "Room",
  cleanliness: "Cleanliness",
  noise: "Noise",
  booking: "Booking",
  product: "Product",
  other: "Other",
};

/** 1 = minor irritation … 4 = serious (health, safety, ruined occasion, large sum). */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = {
  1: "Minor",
  2: "Moderate",
  3: "Major",
  4: "Serious",
};

export const MOODS = ["calm", "upset", "angry", "furious"] as const;
export type Mood = (typeof MOODS)[number];

export const FEELINGS = ["frustrated", "disappointed", "angry", "embarrassed", "worried", "let_down", "rushed", "ignored"] as const;
export type Feeling = (typeof FEELINGS)[number];
export const FEELING_LABELS: Record<Feeling, string> = {
  frustrated: "Frustrated",
  disappointed: "Disappointed",
  angry: "Angry",
  embarrassed: "Embarrassed",
  worried: "Worried",
  let_down: "Let down",
  rushed: "Rushed",
  ignored: "Ignored",
};

export const COMPENSATION_KINDS = ["gesture", "free_item", "discount", "refund", "voucher", "upgrade", "other"] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];
export const COMPENSATION_LABELS: Record<CompensationKind, string> = {
  gesture: "Small gesture",
  free_item: "Item on the house",
  discount: "Discount on the bill",
  refund: "Refund",
  voucher: "Voucher for next visit",
  upgrade: "Upgrade",
  other: "Other",
};

export const ROLES = ["staff", "manager", "trainer", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const DECIDING_ROLES: readonly Role[] = ["manager", "admin"];
