import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Every admin use-case starts here: the policy, not the route, is the last word. */
export function assertAdmin(actor: Actor): void {
  assertCan(actor, "admin.manage");
}

export const idSchema = (what: string) => z.string().trim().min(1, `Pick a ${what}`).max(64);
export const nameSchema = (what: string, max = 80) =>
  z.string().trim().min(1, `Enter a ${what}`).max(max, `A ${what} is at most ${max} characters`);

/** "" from an empty form field means "not given". */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function isMissingRecord(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/** Turns "not found" from an update into a 404 the admin can read. */
export async function orNotFound<T>(work: Promise<T>, message: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isMissingRecord(error)) throw new AppError("not_found", message);
    throw error;
  }
}
