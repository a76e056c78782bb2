import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { projectCase, type CaseState, type ProjectionVenue } from "@/lib/playbook";

type Projection = ReturnType<typeof projectCase>;

// BigInt (the insights' durations and remedy sum) has no JSON form of its own.
const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
const same = (a: unknown, b: unknown) => json(a) === json(b);

/**
 * What an event changes in the stored projection. Given the state before the event (whose
 * projection is what is stored: every append keeps them equal), only what changed is written — a
 * note touches the Case row alone, not six tables. Without it (or for a case just opened)
 * everything is rewritten. `venue` is the case's location (its time zone decides the case's day).
 */
export type ProjectionPlan = {
  projection: Projection;
  before: Projection | null;
  /** The Case row's changed columns. */
  row: Partial<Projection["row"]>;
  /** False when only the Case row changes (actions, root causes and compensation stay as stored). */
  children: boolean;
};

export function planProjection(venue: ProjectionVenue, state: CaseState, previous?: CaseState): ProjectionPlan {
  const projection = projectCase(state, venue);
  const before: Projection | null = previous && previous.phase !== "new" ? projectCase(previous, venue) : null;
  const row: Partial<Projection["row"]> = {};
  for (const [key, value] of Object.entries(projection.row) as [keyof Projection["row"], unknown][]) {
    if (!before || !same(before.row[key], value)) Object.assign(row, { [key]: value });
  }
  const children =
    !before ||
    !same(before.actions, projection.actions) ||
    !same(before.rootCauseSlugs, projection.rootCauseSlugs) ||
    projection.compensation.some((c) => {
      const earlier = before.compensation.find((e) => e.id === c.id);
      return !earlier || !same(earlier, c);
    });
  return { projection, before, row, children };
}

/**
 * Rewrites the Case row and its child rows from the fold, inside the append's transaction (see
 * planProjection). `alsoOnRow`: more columns of the Case row to write in the same statement (an
 * append's stored state, docs/decisions/0023).
 */
export async function writeProjection(
  tx: Prisma.TransactionClient,
  caseId: string,
  venue: ProjectionVenue,
  state: CaseState,
  previous?: CaseState,
  alsoOnRow: Prisma.CaseUpdateInput = {},
): Promise<void> {
  await applyProjection(tx, caseId, planProjection(venue, state, previous), alsoOnRow);
}

export async function applyProjection(
  tx: Prisma.TransactionClient,
  caseId: string,
  { projection, before, row: changed }: ProjectionPlan,
  alsoOnRow: Prisma.CaseUpdateInput = {},
): Promise<void> {
  const row: Prisma.CaseUpdateInput = { ...alsoOnRow, ...changed };
  if (Object.keys(row).length) await tx.case.update({ where: { id: caseId }, data: row });

  if (!before || !same(before.actions, projection.actions)) {
    const keepActionIds = projection.actions.map((a) => a.id);
    await tx.agreedAction.deleteMany({ where: { caseId, id: { notIn: keepActionIds } } });
    for (const action of projection.actions) {
      const { id, ...fields } = action;
      await tx.agreedAction.upsert({ where: { id }, create: { id, caseId, ...fields }, update: fields });
    }
  }

  if (!before || !same(before.rootCauseSlugs, projection.rootCauseSlugs)) {
    await tx.caseRootCause.deleteMany({ where: { caseId } });
    if (projection.rootCauseSlugs.length) {
      const tags = await tx.rootCauseTag.findMany({ where: { slug: { in: projection.rootCauseSlugs } }, select: { id: true } });
      await tx.caseRootCause.createMany({ data: tags.map((t) => ({ caseId, tagId: t.id, ...projection.rootCauseScope })) });
    }
  }

  for (const { id, ...fields } of projection.compensation) {
    const earlier = before?.compensation.find((c) => c.id === id);
    if (earlier && same(earlier, { id, ...fields })) continue;
    await tx.compensation.upsert({ where: { id }, create: { id, caseId, ...fields }, update: fields });
  }
}
