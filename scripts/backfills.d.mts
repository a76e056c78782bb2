export const BACKFILLS: Record<string, (db: unknown) => number>;
export function runPendingBackfills(url: string): string[];
