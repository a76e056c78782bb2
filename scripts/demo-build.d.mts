export const BUILD_INPUT_DIRS: string[];
export const BUILD_INPUT_FILES: string[];
export const KEY_FILE: string;
export function buildKey(root: string, options?: { env?: Record<string, string | undefined>; nodeVersion?: string }): string;
export function buildIsCurrent(distDir: string, key: string): boolean;
export function recordBuild(distDir: string, key: string): void;
