import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadManagedImprovement } from "./load-managed-improvement";

export const linkCasesSchema = z.object({
  caseIds: z.array(z.string().trim().min(1).max(64)).min(1, "Pick at least one case").max(500),
});

/** Links cases to an improvement; a case already linked stays linked once. */
export async function linkImprovementCases(db: Db, actor: Actor, improvementId: string, input: unknown) {
  const { caseIds } = parseInput(linkCasesSchema, input);
  const improvement = await loadManagedImprovement(db, actor, improvementId);
  const unique = [...new Set(caseIds)];
  // Practice runs are never evidence for an improvement: they count as not found.
  const cases = await db.case.findMany({ where: { id: { in: unique }, isPractice: false }, select: { id: true, locationId: true } });
  if (cases.length !== unique.length) throw new AppError("not_found", "Some of those cases do not exist.");
  for (const c of cases) {
    assertAtLocation(actor, c.locationId);
    if (improvement.locationId && c.locationId !== improvement.locationId) {
      throw new AppError("invalid_input", "A case can be linked only to an improvement at its own location.");
    }
  }
  const linked = await serialiseWrite(async () => {
    const existing = await db.caseImprovement.findMany({
      where: { improvementId: improvement.id, caseId: { in: unique } },
      select: { caseId: true },
    });
    const fresh = unique.filter((id) => !existing.some((e) => e.caseId === id));
    if (fresh.length) await db.caseImprovement.createMany({ data: fresh.map((caseId) => ({ caseId, improvementId: improvement.id })) });
    return fresh.length;
  });
  return { id: improvement.id, linked };
}
