export type TrustedProxies = { entries: string[]; check(address: string): boolean };
export const CLIENT_ADDRESS_HEADER: string;
export function normaliseAddress(raw: unknown): string | null;
export function parseTrustedProxies(spec?: string): TrustedProxies;
export function resolveClient(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies | null,
): { address: string; viaTrustedProxy: boolean };
/** A Node request, as far as the edge looks at it. */
export type EdgeRequest = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } | null };
export function applyEdge(request: EdgeRequest, trusted: TrustedProxies | null): string;
