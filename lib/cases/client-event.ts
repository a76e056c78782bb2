import { z } from "zod";

/** Generated on the tablet for each step, so a step sent twice is recorded once. */
export const clientEventIdSchema = z
  .string()
  .trim()
  .min(8, "clientEventId must be at least 8 characters")
  .max(64, "clientEventId must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "clientEventId may hold only letters, digits, - and _");

export type AppendResult = {
  caseId: string;
  reference: string;
  sequence: number;
  /** When the server recorded the step (ISO 8601). */
  at: string;
  phase: string;
  status: string;
  /** True when this client id had already been recorded: nothing new was written. */
  duplicate: boolean;
};
