import { AppError } from "@/lib/errors";

/** The AppError a use-case rejects with; any other outcome fails the test. */
export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}
