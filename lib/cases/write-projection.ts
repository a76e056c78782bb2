import type { Prisma } from "@/lib/generated/prisma/client";
import { projectCase, type CaseState } from "@/lib/playbook";

/** Rewrites the Case row and its child rows from the fold, inside the append's transaction. */
export async function writeProjection(tx: Prisma.TransactionClient, caseId: string, state: CaseState): Promise<void> {
  const projection = projectCase(state);
  await tx.case.update({ where: { id: caseId }, data: projection.row });

  const keepActionIds = projection.actions.map((a) => a.id);
  await tx.agreedAction.deleteMany({ where: { caseId, id: { notIn: keepActionIds } } });
  for (const action of projection.actions) {
    const { id, ...fields } = action;
    await tx.agreedAction.upsert({ where: { id }, create: { id, caseId, ...fields }, update: fields });
  }

  await tx.caseRootCause.deleteMany({ where: { caseId } });
  if (projection.rootCauseSlugs.length) {
    const tags = await tx.rootCauseTag.findMany({ where: { slug: { in: projection.rootCauseSlugs } }, select: { id: true } });
    await tx.caseRootCause.createMany({ data: tags.map((t) => ({ caseId, tagId: t.id })) });
  }

  for (const { id, ...fields } of projection.compensation) {
    await tx.compensation.upsert({ where: { id }, create: { id, caseId, ...fields }, update: fields });
  }
}
