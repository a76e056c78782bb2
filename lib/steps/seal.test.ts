import { describe, expect, it } from "vitest";
import { createSealKey, sealPayload, type SealKey } from "@/lib/tablet/seal";
import { agreeSealKey, openSeal } from "./seal";

/** The tablet's sealing (WebCrypto, lib/tablet/seal.ts) against the server's opening (node:crypto). */
async function handshake(): Promise<{ seal: SealKey; secret: Buffer }> {
  let secret: Buffer | null = null;
  const seal = await createSealKey(async (publicKey) => {
    const agreed = agreeSealKey(publicKey);
    if (!agreed) return null;
    secret = agreed.secret;
    return { keyId: "key-1", serverKey: agreed.serverKey };
  });
  if (!seal || !secret) throw new Error("no handshake");
  return { seal, secret };
}

describe("sealed steps", () => {
  it("open on the server exactly as the tablet sealed them", async () => {
    const { seal, secret } = await handshake();
    const payload = {
      v: 1,
      kind: "event",
      caseId: "c1",
      body: { clientEventId: "x", event: { type: "note_added", data: { text: "Table 4 — Mrs Ada" } } },
    };
    const sealed = await sealPayload(seal, payload);
    expect(sealed.data).not.toContain("Ada");
    expect(JSON.parse(openSeal(secret, "key-1", sealed.iv, sealed.data) ?? "null")).toEqual(payload);
  });

  it("cannot be read back, or exported, on the tablet", async () => {
    const { seal } = await handshake();
    expect(seal.key.extractable).toBe(false);
    expect(seal.key.usages).toEqual(["encrypt"]);
    await expect(crypto.subtle.exportKey("raw", seal.key)).rejects.toThrow();
  });

  it("refuse anything altered, made with another key, or claimed for another key id", async () => {
    const { seal, secret } = await handshake();
    const other = await handshake();
    const sealed = await sealPayload(seal, { hello: "world" });
    const flipped = Buffer.from(sealed.data, "base64url");
    flipped[0] ^= 1;
    expect(openSeal(secret, "key-1", sealed.iv, flipped.toString("base64url"))).toBeNull();
    expect(openSeal(other.secret, "key-1", sealed.iv, sealed.data)).toBeNull();
    expect(openSeal(secret, "key-2", sealed.iv, sealed.data)).toBeNull();
    expect(openSeal(secret, "key-1", "short", sealed.data)).toBeNull();
    expect(openSeal(secret, "key-1", sealed.iv, "AAAA")).toBeNull();
  });

  it("refuse a public key that is not a point on P-256", () => {
    expect(agreeSealKey({ kty: "EC", crv: "P-256", x: "A".repeat(43), y: "A".repeat(43) })).toBeNull();
  });
});
