import "server-only";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/playbook";

/**
 * The single table of what each role may do. Every page, route and use-case asks `can` (or
 * `assertCan`) with one of these permissions; nothing else in the app compares roles.
 * Location scope is separate: a permission says *what* a role may do, `assertAtLocation`
 * (lib/auth/actor.ts) says *where*.
 */
export const POLICY = {
  /** Open a new complaint case at one of the actor's locations. */
  "case.open": ["staff", "manager", "admin"],
  /** Record a step of a live case (listen, apologise, solve, …). */
  "case.append": ["staff", "manager", "admin"],
  /** Read a case at one of the actor's locations. */
  "case.view": ["staff", "manager", "trainer", "admin"],
  /** Read a case while it is still live (open or waiting for a manager); trainers see ended cases only. */
  "case.viewLive": ["staff", "manager", "admin"],
  /** See what the customer said and any contact details in it; trainers see a redacted copy. */
  "case.viewCustomerDetails": ["staff", "manager", "admin"],
  /** Approve or decline a remedy above the staff member's authority. */
  "case.decide": ["manager", "admin"],
  /** The manager's desk: queues, follow-ups and improvements. */
  "manager.desk": ["manager", "admin"],
  /** Replay closed cases for coaching (redacted), with their rubric scores. */
  "trainer.replay": ["trainer", "admin"],
  /** Pin coaching comments to a case's steps and keep the case library. */
  "trainer.coach": ["trainer", "admin"],
  /** Scores over time for each member of staff at the actor's locations. */
  "trainer.progress": ["trainer", "manager", "admin"],
  /** See one's own scored cases and coaching comments, and acknowledge them. */
  "feedback.own": ["staff", "manager", "admin"],
  /** Practise on an anonymised past case, on the live coach's own pages. */
  "practice.run": ["staff", "manager", "admin"],
  /** Users, locations, the root-cause taxonomy and authority limits. */
  "admin.manage": ["admin"],
  /** Make a one-time code that pairs a tablet to a venue (theirs, or any for an admin). */
  "device.pair": ["manager", "admin"],
  /** See a venue's paired tablets and unpair one (a manager their venue's, an admin any). */
  "device.revoke": ["manager", "admin"],
  /** Raise a floor-wide heads-up for their venue, and end it when it is over. */
  "headsUp.raise": ["staff", "manager", "admin"],
  /** See the venue's live heads-ups and tell tables about them (heads-up cases). */
  "headsUp.tell": ["staff", "manager", "admin"],
  /** End a heads-up someone else raised. */
  "headsUp.endAny": ["manager", "admin"],
  /** Hear live change notices (GET /api/live) for what one already sees: one's case, the floor, the board. */
  "live.follow": ["staff", "manager", "admin"],
  /** Sign in on a shared tablet with a name and PIN (only on a tablet paired to their venue). */
  "signIn.pin": ["staff", "manager"],
  /** Sign in with an email address and password. */
  "signIn.password": ["manager", "trainer", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

/** Anything with a role: an Actor, a User row, or a test stub. */
export type HasRole = { role: Role | string };

export function can(who: HasRole | null | undefined, permission: Permission): boolean {
  if (!who) return false;
  return (POLICY[permission] as readonly string[]).includes(who.role);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return POLICY[permission];
}

/** A refusal the person can understand, per permission. */
const REFUSALS: Record<Permission, string> = {
  "case.open": "Your role cannot open complaint cases.",
  "case.append": "Your role cannot record steps on a case.",
  "case.view": "Your role cannot see complaint cases.",
  "case.viewLive": "Trainers see a case once it has ended; this one is still live.",
  "case.viewCustomerDetails": "Your role sees cases without customer details.",
  "case.decide": "Only a manager can approve or decline this.",
  "manager.desk": "The manager's desk is for managers.",
  "trainer.replay": "Case replay is for trainers.",
  "trainer.coach": "Only a trainer can pin coaching comments or change the case library.",
  "trainer.progress": "Staff progress is for trainers and managers.",
  "feedback.own": "Coaching feedback is for the people who handle complaints.",
  "practice.run": "Practice runs are for the people who handle complaints.",
  "admin.manage": "Only an admin can change people, locations and settings.",
  "device.pair": "Only a manager or an admin can pair a tablet.",
  "device.revoke": "Only a manager or an admin can unpair a tablet.",
  "headsUp.raise": "Your role cannot raise a heads-up.",
  "headsUp.tell": "Your role cannot tell customers about heads-ups.",
  "headsUp.endAny": "Only the person who raised a heads-up, or a manager, can end it.",
  "live.follow": "Live updates are for the people handling live cases and their managers.",
  "signIn.pin": "Sign in with your email and password instead.",
  "signIn.password": "Staff sign in with their name and PIN.",
};

export function refusalFor(permission: Permission): string {
  return REFUSALS[permission];
}

export function assertCan(who: HasRole | null | undefined, permission: Permission): void {
  if (!who) throw new AppError("unauthenticated", "Sign in first.");
  if (!can(who, permission)) throw new AppError("forbidden", refusalFor(permission), { permission });
}
