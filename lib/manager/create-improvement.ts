import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isoDate } from "./filters";
import { assertManager, timezoneOf } from "./scope";
import { localRange } from "./time";

export const createImprovementSchema = z
  .object({
    title: z.string().trim().min(3, "Give the improvement a short title").max(200, "At most 200 characters"),
    owner: z.string().trim().min(1, "Who owns it?").max(80, "At most 80 characters"),
    due: isoDate,
    locationId: z.string().trim().min(1, "Pick the location").max(64),
    tag: z.string().trim().min(1).max(40).optional(),
    /** Link the location's cases with this root cause opened in this local date range. */
    linkFrom: isoDate.optional(),
    linkTo: isoDate.optional(),
    /** And/or link these cases. */
    caseIds: z.array(z.string().trim().min(1).max(64)).max(500).optional(),
  })
  .refine((d) => !d.linkFrom || !d.linkTo || d.linkFrom <= d.linkTo, {
    message: "The start date is after the end date",
    path: ["linkFrom"],
  });

/**
 * The prevent loop: a root cause that keeps coming back becomes an improvement with an owner
 * and a due date, linked to the cases that showed it.
 */
export async function createImprovement(db: Db, actor: Actor, input: unknown, now: Date = new Date()) {
  const data = parseInput(createImprovementSchema, input);
  assertManager(actor);
  assertAtLocation(actor, data.locationId);
  const timeZone = await timezoneOf(db, [data.locationId]);
  const tag = data.tag ? await db.rootCauseTag.findUnique({ where: { slug: data.tag }, select: { id: true } }) : null;
  if (data.tag && !tag) throw new AppError("invalid_input", `Unknown root-cause tag: ${data.tag}`, { fields: { tag: "Unknown tag" } });

  const caseIds = new Set<string>();
  if (tag && (data.linkFrom || data.linkTo)) {
    const range = localRange(data.linkFrom ?? "2000-01-01", data.linkTo ?? "2999-12-31", timeZone);
    const matching = await db.case.findMany({
      where: {
        locationId: data.locationId,
        isPractice: false,
        openedAt: { gte: range.start, lt: range.end },
        rootCauses: { some: { tagId: tag.id } },
      },
      select: { id: true },
      take: 5000,
    });
    for (const m of matching) caseIds.add(m.id);
  }
  if (data.caseIds?.length) {
    const found = await db.case.findMany({
      where: { id: { in: data.caseIds }, isPractice: false },
      select: { id: true, locationId: true },
    });
    if (found.length !== new Set(data.caseIds).size) throw new AppError("not_found", "Some of those cases do not exist.");
    for (const c of found) {
      assertAtLocation(actor, c.locationId);
      caseIds.add(c.id);
    }
  }

  return serialiseWrite(() =>
    db.$transaction(async (tx) => {
      const improvement = await tx.improvement.create({
        data: {
          title: data.title,
          owner: data.owner,
          // The last moment of the due day: overdue from the next morning, shown as the day chosen.
          dueAt: new Date(localRange(data.due, data.due, timeZone).end.getTime() - 1),
          locationId: data.locationId,
          tagId: tag?.id ?? null,
          status: "open",
          createdById: actor.id,
          createdAt: now,
        },
      });
      if (caseIds.size) {
        await tx.caseImprovement.createMany({ data: [...caseIds].map((caseId) => ({ caseId, improvementId: improvement.id })) });
      }
      return { id: improvement.id, linkedCases: caseIds.size };
    }),
  );
}
