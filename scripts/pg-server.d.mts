export type PostgresServer = { url: string; port: number; dir: string; stop(): void };
export function postgresBin(): string;
/** `settings`: more server settings, "name=value" each (a bench that logs statements, say). */
export function startPostgres(options: { port: number; dir?: string; settings?: string[] }): PostgresServer;
export function databaseUrlFor(url: string, name: string): string;
