export type PublicJwk = { kty: "EC"; crv: "P-256"; x: string; y: string };
export function tabletKeyPair(): { publicKey: PublicJwk; secretWith(serverKey: { x: string; y: string }): Buffer };
export function sealStep(secret: Buffer, keyId: string, inner: unknown): { iv: string; data: string };
