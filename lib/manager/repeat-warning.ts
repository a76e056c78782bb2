import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { DEFAULT_TIMEZONE, localDate, localRange } from "./time";

/**
 * "This is the 3rd food quality complaint at this location today": a pattern a shift should
 * hear about while it is still happening. Same category, or same root cause, at the same
 * location on the same local day, counted when it reaches 2. Practice cases never count.
 */
export type RepeatWarning = {
  caseId: string;
  /** The case's category and its place among that day's cases of the category (only when ≥ 2). */
  category?: { category: string; label: string; nth: number };
  /** Root causes of this case already tagged on ≥ 2 cases at the location that day. */
  rootCauses: { slug: string; label: string; count: number }[];
  /** Ready-made sentences, e.g. "This is the 3rd food quality complaint at this location today." */
  messages: string[];
};

export type RepeatTarget = { id: string; locationId: string; category: string | null; openedAt: Date; tags: string[] };

export const REPEAT_THRESHOLD = 2;

/** The category as it reads in "the 3rd … complaint". */
const COMPLAINT_NOUN: Record<Category, string> = {
  food_quality: "food quality",
  drink: "drinks",
  wait_time: "waiting-time",
  service: "service",
  billing: "bill or payment",
  room: "room",
  cleanliness: "cleanliness",
  noise: "noise",
  booking: "booking",
  product: "product",
  other: "“other”",
};

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/** Warnings for many cases at once (the live board): one query per location and day. */
export async function repeatWarningsFor(
  db: Db,
  targets: readonly RepeatTarget[],
  now: Date = new Date(),
): Promise<Map<string, RepeatWarning>> {
  const result = new Map<string, RepeatWarning>();
  if (targets.length === 0) return result;
  const locationIds = [...new Set(targets.map((t) => t.locationId))];
  const zones = new Map(
    (await db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, timezone: true } })).map((l) => [
      l.id,
      l.timezone,
    ]),
  );
  const groups = new Map<string, { locationId: string; day: string; zone: string; targets: RepeatTarget[] }>();
  for (const t of targets) {
    const zone = zones.get(t.locationId) ?? DEFAULT_TIMEZONE;
    const day = localDate(t.openedAt, zone);
    const key = `${t.locationId}|${day}`;
    const group = groups.get(key) ?? { locationId: t.locationId, day, zone, targets: [] };
    group.targets.push(t);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const { start, end } = localRange(group.day, group.day, group.zone);
    const sameDay = await db.case.findMany({
      where: { locationId: group.locationId, isPractice: false, openedAt: { gte: start, lt: end } },
      select: { id: true, category: true, openedAt: true, rootCauses: { select: { tag: { select: { slug: true, label: true } } } } },
    });
    const today = localDate(now, group.zone) === group.day;
    const when = today ? "today" : "that day";
    for (const t of group.targets) {
      if (!sameDay.some((c) => c.id === t.id)) continue; // a practice case
      const warning: RepeatWarning = { caseId: t.id, rootCauses: [], messages: [] };
      if (t.category) {
        const nth = sameDay.filter(
          (c) => c.category === t.category && (c.openedAt < t.openedAt || (c.openedAt.getTime() === t.openedAt.getTime() && c.id <= t.id)),
        ).length;
        if (nth >= REPEAT_THRESHOLD) {
          const label = CATEGORY_LABELS[t.category as Category] ?? t.category;
          warning.category = { category: t.category, label, nth };
          const noun = COMPLAINT_NOUN[t.category as Category] ?? label.toLowerCase();
          warning.messages.push(`This is the ${ordinal(nth)} ${noun} complaint at this location ${when}.`);
        }
      }
      for (const slug of t.tags) {
        const tagged = sameDay.filter((c) => c.rootCauses.some((r) => r.tag.slug === slug));
        const label = tagged[0]?.rootCauses.find((r) => r.tag.slug === slug)?.tag.label ?? slug;
        if (tagged.length >= REPEAT_THRESHOLD) {
          warning.rootCauses.push({ slug, label, count: tagged.length });
          warning.messages.push(`${label} is the root cause of ${tagged.length} complaints at this location ${when}.`);
        }
      }
      if (warning.messages.length) result.set(t.id, warning);
    }
  }
  return result;
}

/** The warning for one case, for anyone who works at its location (the staff case page too). */
export async function getRepeatWarning(db: Db, actor: Actor, caseId: string, now: Date = new Date()): Promise<RepeatWarning | null> {
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: { id: true, locationId: true, category: true, openedAt: true, rootCauses: { select: { tag: { select: { slug: true } } } } },
  });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  const warnings = await repeatWarningsFor(db, [{ ...row, tags: row.rootCauses.map((r) => r.tag.slug) }], now);
  return warnings.get(row.id) ?? null;
}
