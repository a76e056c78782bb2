/** Errors a use-case may throw on purpose; each code maps to one HTTP status. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  playbook_refused: 409,
  conflict: 409,
  payload_too_large: 413,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type AppErrorCode = keyof typeof ERROR_STATUS;

/**
 * `instanceof` that holds across bundles. Next compiles a module into more than one server chunk,
 * and each shared object kept on globalThis (the database client, the append hot path, the live
 * hub) runs the copy from whichever chunk made it first. An error it throws is an instance of that
 * copy's class, and `instanceof` against another chunk's copy was false: a retryable race on
 * PostgreSQL answered 500 (docs/decisions/0039-append-fast-path.md). So each such class marks its
 * instances with a registered symbol (`Symbol.for`: one per process, whatever the chunk) and
 * answers `instanceof` by that mark.
 */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

const APP_ERROR: unique symbol = Symbol.for("complaint-coach.AppError");

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, APP_ERROR);
  }
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
