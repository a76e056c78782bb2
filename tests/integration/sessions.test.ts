import { describe, expect, it } from "vitest";
import { createSession, resolveSession, revokeSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { signOut } from "@/lib/auth/sign-out";
import { hashToken } from "@/lib/auth/tokens";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const t0 = new Date("2027-03-01T09:00:00Z");
const after = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe("sessions", () => {
  it("stores only a hash of the token", async () => {
    const { token } = await createSession(db, "usr-amira", "loc-harbour", t0);
    expect(await db.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.session.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
  });

  it("signs a quiet tablet out after 30 minutes idle", async () => {
    expect(SESSION_IDLE_MS).toBe(30 * MIN);
    const { token } = await createSession(db, "usr-amira", "loc-harbour", t0);
    expect(await resolveSession(db, token, after(29 * MIN))).not.toBeNull();
    const fresh = await createSession(db, "usr-amira", "loc-harbour", t0);
    expect(await resolveSession(db, fresh.token, after(31 * MIN))).toBeNull();
  });

  it("keeps a busy tablet signed in: each use restarts the idle clock", async () => {
    const { token } = await createSession(db, "usr-amira", "loc-harbour", t0);
    expect(await resolveSession(db, token, after(20 * MIN))).not.toBeNull();
    expect(await resolveSession(db, token, after(45 * MIN))).not.toBeNull();
    expect(await resolveSession(db, token, after(70 * MIN))).not.toBeNull();
    expect(await resolveSession(db, token, after(101 * MIN))).toBeNull();
  });

  it("ends every session after a shift's length, however busy", async () => {
    expect(SESSION_ABSOLUTE_MS).toBe(12 * 60 * MIN);
    const { token, expiresAt } = await createSession(db, "usr-amira", "loc-harbour", t0);
    expect(expiresAt).toEqual(after(12 * 60 * MIN));
    for (let m = 20; m < 12 * 60; m += 20) expect(await resolveSession(db, token, after(m * MIN))).not.toBeNull();
    expect(await resolveSession(db, token, after(12 * 60 * MIN))).toBeNull();
  });

  it("can be revoked", async () => {
    const { token } = await createSession(db, "usr-amira", "loc-harbour", t0);
    await revokeSession(db, token);
    expect(await resolveSession(db, token, after(MIN))).toBeNull();
  });

  it("ends when the person is deactivated", async () => {
    const { token } = await createSession(db, "usr-ben", "loc-harbour", t0);
    await db.user.update({ where: { id: "usr-ben" }, data: { active: false } });
    expect(await resolveSession(db, token, after(MIN))).toBeNull();
    await db.user.update({ where: { id: "usr-ben" }, data: { active: true } });
  });

  it("a late sign-out naming an earlier session leaves a sign-in made since alone", async () => {
    const earlier = await createSession(db, "usr-amira", "loc-harbour", t0);
    const since = await createSession(db, "usr-ben", "loc-harbour", t0);
    // The tablet tells the server about Amira's session, but the browser's cookie is Ben's now.
    expect(await signOut(db, since.token, { sessionId: earlier.id })).toEqual({ ended: false, clearCookie: false });
    expect(await resolveSession(db, since.token, after(MIN))).not.toBeNull();
    expect(await signOut(db, since.token, { sessionId: since.id })).toEqual({ ended: true, clearCookie: true });
    expect(await resolveSession(db, since.token, after(MIN))).toBeNull();
    // Plain sign-out (nothing named) ends whatever the cookie holds.
    const plain = await createSession(db, "usr-ben", "loc-harbour", t0);
    expect(await signOut(db, plain.token, {})).toEqual({ ended: true, clearCookie: true });
  });

  it("knows nothing of made-up tokens", async () => {
    expect(await resolveSession(db, "made-up", t0)).toBeNull();
    expect(await resolveSession(db, undefined, t0)).toBeNull();
  });
});
