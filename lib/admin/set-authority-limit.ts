import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { ROLES } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { assertAdmin } from "./common";

export const MAX_AUTHORITY_POUNDS = 100_000;

/** "15", "15.5", "15.50" or 15.5 → 1550 pence, exactly: no floating-point pennies. */
export function poundsToPence(pounds: string): number {
  const [whole, fraction = ""] = pounds.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const setAuthorityLimitSchema = z.object({
  role: z.enum(ROLES, { message: "Pick a role" }),
  pounds: z
    .union([z.number(), z.string()])
    .transform((v) => (typeof v === "number" ? String(v) : v.trim().replace(/^£/, "").replace(/,/g, "")))
    .pipe(
      z
        .string()
        .regex(/^\d{1,6}(\.\d{1,2})?$/, "Enter an amount in pounds, like 15 or 15.50")
        .refine((v) => poundsToPence(v) <= MAX_AUTHORITY_POUNDS * 100, `At most £${MAX_AUTHORITY_POUNDS.toLocaleString("en-GB")}`),
    ),
});

/**
 * What a role may give on its own before someone whose limit covers it must approve. It is
 * written into each offer and decision when it is made, so a change applies from then on.
 */
export async function setAuthorityLimit(db: Db, actor: Actor, input: unknown): Promise<{ role: string; limitCents: number }> {
  assertAdmin(actor);
  const { role, pounds } = parseInput(setAuthorityLimitSchema, input);
  const limitCents = poundsToPence(pounds);
  return serialiseWrite(() =>
    db.roleAuthority.upsert({
      where: { role },
      create: { role, limitCents },
      update: { limitCents },
      select: { role: true, limitCents: true },
    }),
  );
}
