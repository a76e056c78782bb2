import "server-only";
import { createDecipheriv, createECDH, hkdfSync } from "node:crypto";
import { z } from "zod";

/**
 * Sealed steps (docs/decisions/0013-sealed-steps.md). At sign-in the tablet makes an ECDH P-256
 * key pair whose private half cannot be exported, and sends the public half; the server answers
 * with a fresh public key of its own. Both sides derive the same AES-256-GCM key (ECDH, then
 * HKDF-SHA-256): the tablet's copy is a non-extractable WebCrypto key that can only encrypt; the
 * server's is kept in SealKey. A step sealed with it is readable only by the server, and could
 * only have been made on the tablet during that session.
 */
export const SEAL_INFO = "complaint-coach sealed steps v1";
export const sealAad = (keyId: string) => new TextEncoder().encode(`coach-step:${keyId}`);

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url");

/** The tablet's public key, as WebCrypto exports it. */
export const publicJwkSchema = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: b64url.length(43, "x must be a P-256 coordinate"),
  y: b64url.length(43, "y must be a P-256 coordinate"),
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** The server's half of the exchange: its public key for the tablet, and the shared AES key. */
export function agreeSealKey(tablet: PublicJwk): { serverKey: PublicJwk; secret: Buffer } | null {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(tablet.x, "base64url"), Buffer.from(tablet.y, "base64url")]);
  let shared: Buffer;
  try {
    shared = ecdh.computeSecret(point);
  } catch {
    return null; // not a point on the curve
  }
  const secret = Buffer.from(hkdfSync("sha256", shared, new Uint8Array(0), new TextEncoder().encode(SEAL_INFO), 32));
  const own = ecdh.getPublicKey();
  return {
    serverKey: { kty: "EC", crv: "P-256", x: own.subarray(1, 33).toString("base64url"), y: own.subarray(33, 65).toString("base64url") },
    secret,
  };
}

/** The sealed step, or null when the seal does not verify (wrong key, altered, made up). */
export function openSeal(secret: Buffer, keyId: string, iv: string, data: string): string | null {
  try {
    const bytes = Buffer.from(data, "base64url");
    const nonce = Buffer.from(iv, "base64url");
    if (nonce.length !== 12 || bytes.length < 17) return null;
    const decipher = createDecipheriv("aes-256-gcm", secret, nonce);
    decipher.setAAD(sealAad(keyId));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
