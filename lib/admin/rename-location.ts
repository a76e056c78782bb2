import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { assertAdmin, idSchema, nameSchema, orNotFound } from "./common";

export const renameLocationSchema = z.object({ locationId: idSchema("location"), name: nameSchema("location name") });

export async function renameLocation(db: Db, actor: Actor, input: unknown): Promise<{ id: string; name: string }> {
  assertAdmin(actor);
  const { locationId, name } = parseInput(renameLocationSchema, input);
  return serialiseWrite(() =>
    orNotFound(
      db.location.update({ where: { id: locationId }, data: { name }, select: { id: true, name: true } }),
      "No location with that id.",
    ),
  );
}
