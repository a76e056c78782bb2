import type { z } from "zod";
import { AppError } from "./errors";

/** Where a NUL character hides in untrusted input ("" for the whole value), or null when none does. */
function nulCharacterAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = nulCharacterAt(inner, path ? `${path}.${key}` : key, depth + 1);
    if (at !== null) return at;
  }
  return null;
}

/**
 * Parses untrusted input; a failure is an invalid_input AppError naming each bad field. Text with
 * a NUL character is refused whatever the schema: PostgreSQL cannot store it, and no person types one.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const nul = nulCharacterAt(input, "");
  if (nul !== null) {
    const key = nul || "_";
    throw new AppError("invalid_input", `Text cannot contain a NUL character${nul ? ` (${nul})` : ""}.`, {
      fields: { [key]: "Contains a NUL character" },
    });
  }
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
