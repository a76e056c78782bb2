/** The first apology should come within this long of the customer being heard out (the end of Listen). */
export const FIRST_APOLOGY_TARGET_MS = 3 * 60_000;
