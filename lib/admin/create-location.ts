import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { assertAdmin, nameSchema } from "./common";

export const LOCATION_KINDS = ["restaurant", "hotel", "shop", "other"] as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const createLocationSchema = z.object({
  name: nameSchema("location name"),
  kind: z.enum(LOCATION_KINDS, { message: "Pick what kind of place it is" }),
  timezone: z.string().trim().max(64).refine(isTimeZone, "Pick a time zone such as Europe/London").default("Europe/London"),
});

/** A new site. Add people to it when creating them. */
export async function createLocation(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  assertAdmin(actor);
  const data = parseInput(createLocationSchema, input);
  return serialiseWrite(() => db.location.create({ data, select: { id: true } }));
}
