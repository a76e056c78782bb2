import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/passwords";
import { weakPinReason } from "@/lib/auth/weak-pins";
import { can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { ROLES } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { assertAdmin, blankToUndefined, idSchema, isUniqueViolation, nameSchema } from "./common";

/** 4 to 8 digits (6-digit PINs welcome), and not one a guesser tries first (lib/auth/weak-pins.ts). */
export const PIN_RULE = /^\d{4,8}$/;
export const PASSWORD_MIN = 12;

export const pinSchema = z
  .string()
  .regex(PIN_RULE, "A PIN is 4 to 8 digits")
  .superRefine((pin, ctx) => {
    const reason = PIN_RULE.test(pin) ? weakPinReason(pin) : null;
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters`)
  .max(200, "A password is at most 200 characters");
export const emailSchema = z.string().trim().toLowerCase().max(200).pipe(z.email("Enter a valid email address"));

export const createUserSchema = z
  .object({
    name: nameSchema("name"),
    role: z.enum(ROLES, { message: "Pick a role" }),
    email: z.preprocess(blankToUndefined, emailSchema.optional()),
    pin: z.preprocess(blankToUndefined, pinSchema.optional()),
    password: z.preprocess(blankToUndefined, passwordSchema.optional()),
    locationIds: z.array(idSchema("location")).min(1, "Pick at least one location").max(50),
  })
  .superRefine((value, ctx) => {
    const who = { role: value.role };
    if (can(who, "signIn.pin") && !value.pin)
      ctx.addIssue({ code: "custom", path: ["pin"], message: "This role signs in with a PIN: set one" });
    if (can(who, "signIn.password")) {
      if (!value.email) ctx.addIssue({ code: "custom", path: ["email"], message: "This role signs in with an email: enter one" });
      if (!value.password) ctx.addIssue({ code: "custom", path: ["password"], message: "This role signs in with a password: set one" });
    } else if (value.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Staff sign in with a PIN; leave the password empty" });
    }
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

/** Adds a person: role, how they sign in, and where they work. */
export async function createUser(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  assertAdmin(actor);
  const data = parseInput(createUserSchema, input);
  const locationIds = [...new Set(data.locationIds)];
  const known = await db.location.count({ where: { id: { in: locationIds } } });
  if (known !== locationIds.length)
    throw new AppError("invalid_input", "Pick locations from the list (locationIds)", { fields: { locationIds: "Unknown location" } });
  const [pinHash, passwordHash] = await Promise.all([
    data.pin ? hashSecret(data.pin) : null,
    data.password ? hashSecret(data.password) : null,
  ]);
  try {
    const user = await serialiseWrite(() =>
      db.user.create({
        data: {
          name: data.name,
          role: data.role,
          email: data.email ?? null,
          pinHash,
          passwordHash,
          locations: { create: locationIds.map((locationId) => ({ locationId })) },
        },
        select: { id: true },
      }),
    );
    return user;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "Someone already signs in with that email.", { fields: { email: "Already in use" } });
    throw error;
  }
}
