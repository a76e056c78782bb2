/**
 * The tablet's half of sealed steps (the server's is lib/steps/seal.ts; docs/decisions/0013-sealed-steps.md).
 *
 * At sign-in the tablet makes an ECDH P-256 key pair whose private half cannot be exported, sends
 * the public half, and derives — with the server's public key — an AES-256-GCM key through HKDF.
 * That key is non-extractable and can only encrypt: not even this tablet can read a sealed step
 * back. Each step is sealed the moment it is captured, so it can still be sent (and is still its
 * author's) after the session ends, while nobody on the tablet can read it or make another.
 */

/** Must match lib/steps/seal.ts. */
const SEAL_INFO = "complaint-coach sealed steps v1";
const sealAad = (keyId: string) => new TextEncoder().encode(`coach-step:${keyId}`);

export type SealKey = { keyId: string; key: CryptoKey };
export type Seal = { keyId: string; iv: string; data: string };
type EcPublicJwk = { kty: "EC"; crv: "P-256"; x: string; y: string };

/** WebCrypto exists only in secure contexts (https, or localhost): plain http on a LAN has none. */
export function canSeal(): boolean {
  return typeof crypto !== "undefined" && typeof crypto.subtle?.deriveKey === "function";
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Makes this session's seal key: `register` sends the tablet's public key to the server and
 * returns the key id and the server's public key.
 */
export async function createSealKey(
  register: (publicKey: EcPublicJwk) => Promise<{ keyId: string; serverKey: EcPublicJwk } | null>,
): Promise<SealKey | null> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, false, ["deriveKey"])) as CryptoKeyPair;
  const exported = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const answer = await register({ kty: "EC", crv: "P-256", x: exported.x ?? "", y: exported.y ?? "" });
  if (!answer) return null;
  const serverKey = await crypto.subtle.importKey("jwk", answer.serverKey, { name: "ECDH", namedCurve: "P-256" }, false, []);
  const shared = await crypto.subtle.deriveKey({ name: "ECDH", public: serverKey }, pair.privateKey, { name: "HKDF" }, false, [
    "deriveKey",
  ]);
  const key = await crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode(SEAL_INFO) },
    shared,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt"],
  );
  return { keyId: answer.keyId, key };
}

/** Seals a step's request for the server: only the server can open it, and only this key made it. */
export async function sealPayload(seal: SealKey, payload: unknown): Promise<Seal> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: sealAad(seal.keyId) },
      seal.key,
      new TextEncoder().encode(JSON.stringify(payload)),
    ),
  );
  return { keyId: seal.keyId, iv: toBase64Url(iv), data: toBase64Url(data) };
}
