import "server-only";
import { notFound, redirect } from "next/navigation";
import { isAppError, type AppError, type AppErrorCode } from "@/lib/errors";

// Pages call use-cases as routes do; this is the page side of `handle()` (lib/http.ts): one place
// that turns a use-case's AppError into the not-found page, a redirect, a message on the page, or
// (anything else) the error page.

export type PageErrorRules = {
  /** Codes that mean "there is no such thing here": the not-found page. */
  notFound?: readonly AppErrorCode[];
  /** Where someone is sent when the thing is not theirs (`forbidden`). */
  deniedTo?: string;
  /** Codes the page shows itself (a filter to fix, a case still open): returned, not thrown. */
  show?: readonly AppErrorCode[];
};

export type PageResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Runs a page's use-case under `rules`; only the codes in `show` come back as `{ ok: false }`. */
export async function pageResult<T>(work: Promise<T>, rules: PageErrorRules): Promise<PageResult<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (rules.notFound?.includes(error.code)) notFound();
    if (rules.deniedTo && error.code === "forbidden") redirect(rules.deniedTo);
    if (rules.show?.includes(error.code)) return { ok: false, error };
    throw error;
  }
}

/** The record a page is about: not found or not theirs as `rules` say, anything else the error page. */
export async function pageData<T>(work: Promise<T>, rules: Omit<PageErrorRules, "show">): Promise<T> {
  const result = await pageResult(work, rules);
  if (!result.ok) throw result.error;
  return result.value;
}
