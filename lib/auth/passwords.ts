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
