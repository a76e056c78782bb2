export type PostgresServer = { url: string; port: number; dir: string; stop(): void };
export function postgresBin(): string;
export function startPostgres(options: { port: number; dir?: string }): PostgresServer;
export function databaseUrlFor(url: string, name: string): string;
