import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { idSchema, isEnded } from "./common";

/** Who practises: one person, or the whole team at the source case's venue. */
export const assignDrillSchema = z
  .object({
    sourceCaseId: idSchema,
    assigneeId: idSchema.optional(),
    team: z.boolean().optional(),
    dueAt: z.iso.datetime({ offset: true, message: "Pick a due date" }),
    note: z
      .string()
      .trim()
      .max(300, "At most 300 characters")
      .optional()
      .transform((n) => (n ? n : undefined)),
  })
  .refine((d) => Boolean(d.assigneeId) !== Boolean(d.team), { message: "Assign to one person or to the team", path: ["assigneeId"] });

const PRACTISING_ROLES = ["staff", "manager"];

/** A trainer assigns a drill: practise one ended real case at one of their venues, by a due date. */
export async function assignDrill(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "trainer.coach");
  const { sourceCaseId, assigneeId, dueAt, note } = parseInput(assignDrillSchema, input);
  const due = new Date(dueAt);
  if (due.getTime() <= now().getTime())
    throw new AppError("invalid_input", "The due date must be in the future.", { fields: { dueAt: "In the future" } });
  const source = await db.case.findUnique({
    where: { id: sourceCaseId },
    select: { id: true, locationId: true, isPractice: true, status: true, reference: true },
  });
  if (!source) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, source.locationId);
  if (source.isPractice) throw new AppError("invalid_input", "A drill is practised on a real case, not on a practice run.");
  if (!isEnded(source.status)) throw new AppError("conflict", "This case is still open: it can be drilled once it has ended.");
  if (assigneeId) {
    const member = await db.userLocation.findFirst({
      where: { userId: assigneeId, locationId: source.locationId, user: { active: true, role: { in: PRACTISING_ROLES } } },
      select: { userId: true },
    });
    if (!member)
      throw new AppError("invalid_input", "That person does not practise at this case's venue.", {
        fields: { assigneeId: "Not at this venue" },
      });
  }
  const drill = await serialiseWrite(() =>
    db.practiceDrill.create({
      data: {
        sourceCaseId,
        locationId: source.locationId,
        assigneeId: assigneeId ?? null,
        assignedById: actor.id,
        dueAt: due,
        note: note ?? null,
        createdAt: now(),
      },
      include: { assignee: { select: { name: true } }, location: { select: { name: true } } },
    }),
  );
  return {
    id: drill.id,
    sourceCaseId,
    reference: source.reference,
    assignee: drill.assignee?.name ?? `Everyone at ${drill.location.name}`,
    dueAt: drill.dueAt.toISOString(),
  };
}
