import { hash, verify } from "@node-rs/argon2";

// Argon2id with the library's defaults (m=19456 KiB, t=2, p=1), OWASP's recommended minimum.
export function hashSecret(secret: string): Promise<string> {
  return hash(secret);
}

export async function verifySecret(hashed: string | null | undefined, secret: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, secret);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends as long as a real check when there is no account (or no secret set), so the answer's
 * timing does not tell an unknown email from a wrong password. Always false.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  decoy ??= hash("no account has this secret");
  await verifySecret(await decoy, secret);
  return false;
}
