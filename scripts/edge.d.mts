import type { IncomingMessage } from "node:http";

export type TrustedProxies = { entries: string[]; check(address: string): boolean };
export const CLIENT_ADDRESS_HEADER: string;
export function normaliseAddress(raw: unknown): string | null;
export function parseTrustedProxies(spec?: string): TrustedProxies;
export function resolveClient(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies | null): { address: string; viaTrustedProxy: boolean };
export function applyEdge(request: Pick<IncomingMessage, "headers" | "socket">, trusted: TrustedProxies | null): string;
