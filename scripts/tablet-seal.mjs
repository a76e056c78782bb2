// A tablet's half of sealed steps (lib/steps/seal.ts), in Node, for the bench and the browser
// tests that send sealed steps without a browser: what the tablet's WebCrypto does at sign-in
// (an ECDH P-256 key pair, then HKDF-SHA-256 to one AES-256-GCM key) and for each step.
import { createCipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";

/** A fresh key pair: its public half as the tablet registers it, and the secret it shares with the server's key. */
export function tabletKeyPair() {
  const ecdh = createECDH("prime256v1");
  const own = ecdh.generateKeys();
  const publicKey = {
    kty: "EC",
    crv: "P-256",
    x: own.subarray(1, 33).toString("base64url"),
    y: own.subarray(33, 65).toString("base64url"),
  };
  const secretWith = (serverKey) => {
    const point = Buffer.concat([Buffer.from([4]), Buffer.from(serverKey.x, "base64url"), Buffer.from(serverKey.y, "base64url")]);
    return Buffer.from(hkdfSync("sha256", ecdh.computeSecret(point), new Uint8Array(0), "complaint-coach sealed steps v1", 32));
  };
  return { publicKey, secretWith };
}

/** `inner` sealed with `secret` under `keyId`: the iv and data a sealed step sends. */
export function sealStep(secret, keyId, inner) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secret, iv);
  cipher.setAAD(new TextEncoder().encode(`coach-step:${keyId}`));
  const data = Buffer.concat([cipher.update(JSON.stringify(inner), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString("base64url"), data: data.toString("base64url") };
}
