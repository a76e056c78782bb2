import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/playbook";
import type { Actor } from "./actor";
import { can, refusalFor, type Permission } from "./policy";

/** A permission from lib/auth/policy.ts (preferred), or a list of roles (legacy). */
export type Need = Permission | readonly Role[];

export function allows(actor: Actor, need: Need | undefined): boolean {
  if (need === undefined) return true;
  return typeof need === "string" ? can(actor, need) : need.includes(actor.role);
}

/** 401 when nobody is signed in, 403 when the policy refuses; otherwise the actor. */
export function authorise(actor: Actor | null, need?: Need): Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in first.");
  if (!allows(actor, need)) {
    throw new AppError("forbidden", typeof need === "string" ? refusalFor(need) : "Your role cannot do this.");
  }
  return actor;
}
