import type { z } from "zod";
import { AppError } from "./errors";

/** Parses untrusted input; a failure is an invalid_input AppError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === "_" ? first[1] : `${first[1]} (${first[0]})`) : "The request is not valid.";
  throw new AppError("invalid_input", message, { fields });
}
