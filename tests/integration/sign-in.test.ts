import { beforeEach, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/auth/passwords";
import { resolveSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signInWithPin } from "@/lib/auth/sign-in-with-pin";
import { decideOnTablet } from "@/lib/cases/decide-on-tablet";
import { openCase } from "@/lib/cases/open-case";
import { AppError } from "@/lib/errors";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";
import { pairedTablet } from "../setup/tablets";

const { db } = await createTestDb();
// The venue's paired tablet, and a second one at the same venue.
const { device: tablet, token: tabletToken } = await pairedTablet(db, "loc-harbour", "Front desk");
const { device: otherTablet } = await pairedTablet(db, "loc-harbour", "Bar");

// Each test runs at its own time, two days after the last, on its own address: no test sees
// another's failures unless it asks for the same account at an overlapping time.
let base = new Date("2027-01-01T08:00:00Z").getTime();
let now = new Date(base);
let address = "";
let testNo = 0;
const clock = () => now;
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
beforeEach(() => {
  base += 2 * 24 * 60 * 60 * 1000;
  now = new Date(base);
  address = `10.0.0.${++testNo}`;
});

const amira = { userId: "usr-amira", locationId: "loc-harbour" };
const pinAs = (pin: string, who = amira, on = tablet) => signInWithPin(db, { ...who, pin }, { address, device: on, now: clock });

/** Keeps failing, waiting whenever told to, until locked; returns how many wrong guesses were checked. */
async function failUntilLocked(attempt: (n: number) => Promise<unknown>): Promise<{ failures: number; locked: AppError }> {
  let failures = 0;
  for (let n = 0; n < 200; n++) {
    const error = await errorOf(attempt(n));
    if (error.status === 401) failures++;
    else if (error.status === 429) advance(Number(error.details?.retryAfterSeconds) * 1000);
    else if (error.status === 423) return { failures, locked: error };
    else throw error;
  }
  throw new Error("never locked");
}

describe("PIN sign-in", () => {
  it("creates a fresh server-side session at every sign-in", async () => {
    const first = await pinAs("4827");
    const second = await pinAs("4827");
    expect(first.token).not.toBe(second.token);
    const actor = await resolveSession(db, second.token, now, tabletToken);
    expect(actor).toMatchObject({ id: "usr-amira", role: "staff", currentLocationId: "loc-harbour", deviceId: tablet.id });
    // A session started on a tablet needs that tablet's credential too: the cookie alone is worth nothing elsewhere.
    expect(await resolveSession(db, second.token, now)).toBeNull();
    expect(first.expiresAt.getTime() - now.getTime()).toBe(12 * 60 * 60 * 1000);
  });

  it("refuses a wrong PIN with 401", async () => {
    const error = await errorOf(pinAs("0000"));
    expect(error.status).toBe(401);
    expect(error.message).toBe("That PIN does not match. Try again.");
  });

  it("slows down after three failures, waiting longer each time", async () => {
    for (let i = 0; i < 3; i++) expect((await errorOf(pinAs("0000"))).status).toBe(401);
    const slow = await errorOf(pinAs("4827"));
    expect(slow.status).toBe(429);
    expect(slow.message).toBe("Too many tries — wait 5 seconds");
    expect(slow.details).toMatchObject({ retryAfterSeconds: 5, reason: "slow", scope: "account" });

    advance(5_000);
    expect((await errorOf(pinAs("0000"))).status).toBe(401);
    advance(1_000);
    expect((await errorOf(pinAs("0000"))).message).toBe("Too many tries — wait 9 seconds");
    advance(9_000);
    expect((await errorOf(pinAs("0000"))).status).toBe(401);
    expect((await errorOf(pinAs("0000"))).message).toBe("Too many tries — wait 20 seconds");
  });

  it("locks the account on that tablet for 15 minutes after eight failures, even for the right PIN", async () => {
    for (let i = 0; i < 8; i++) {
      if (i > 0) advance(90_000);
      expect((await errorOf(pinAs("0000"))).status).toBe(401);
    }
    const locked = await errorOf(pinAs("4827"));
    expect(locked.status).toBe(423);
    expect(locked.message).toBe("This account is locked on this tablet for 15 minutes after too many wrong PINs");
    expect(locked.details).toMatchObject({ reason: "locked", scope: "account", retryAfterSeconds: 900 });

    advance(10 * 60_000);
    expect((await errorOf(pinAs("4827"))).message).toBe("This account is locked on this tablet for 5 minutes after too many wrong PINs");
    // Another account on the same tablet is not locked, nor this account on the venue's other tablet.
    await expect(pinAs("5163", { userId: "usr-ben", locationId: "loc-harbour" })).resolves.toHaveProperty("token");
    await expect(pinAs("4827", amira, otherTablet)).resolves.toHaveProperty("token");

    advance(5 * 60_000);
    await expect(pinAs("4827")).resolves.toHaveProperty("token");
  });

  it("clears the account's counter on success", async () => {
    for (let i = 0; i < 3; i++) await errorOf(pinAs("0000"));
    advance(5_000);
    await pinAs("4827");
    for (let i = 0; i < 3; i++) expect((await errorOf(pinAs("0000"))).status).toBe(401);
    expect((await errorOf(pinAs("0000"))).status).toBe(429);
    expect(await db.signInAttempt.count({ where: { key: `device:${tablet.id}`, succeeded: true, at: { gte: new Date(base) } } })).toBe(1);
  });

  it("counts failures per tablet across accounts, more leniently", async () => {
    for (let i = 0; i < 10; i++) {
      if (i > 0) advance(60_000);
      expect((await errorOf(pinAs("0000", { userId: `usr-nobody-${i}`, locationId: "loc-harbour" }))).status).toBe(401);
    }
    const slow = await errorOf(pinAs("5163", { userId: "usr-ben", locationId: "loc-harbour" }));
    expect(slow.status).toBe(429);
    expect(slow.details).toMatchObject({ scope: "device" });
    // The same person on another tablet is fine.
    await expect(pinAs("5163", { userId: "usr-ben", locationId: "loc-harbour" }, otherTablet)).resolves.toHaveProperty("token");
  });

  it("locks a tablet after thirty failures and says so", async () => {
    const { failures, locked } = await failUntilLocked((n) => pinAs("0000", { userId: `usr-nobody-${n}`, locationId: "loc-harbour" }));
    expect(failures).toBe(30);
    expect(locked.message).toMatch(/^Sign-in on this tablet is paused for 15 minutes after too many wrong PINs$/);
  });

  it("throttles unknown people exactly like real ones", async () => {
    const ghost = { userId: "usr-ghost", locationId: "loc-harbour" };
    for (let i = 0; i < 3; i++) expect((await errorOf(pinAs("4827", ghost))).status).toBe(401);
    expect((await errorOf(pinAs("4827", ghost))).status).toBe(429);
  });

  it("counts concurrent guesses: only three reach the PIN check", async () => {
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => pinAs("0000")));
    const statuses = results.map((r) => (r.status === "rejected" && r.reason instanceof AppError ? r.reason.status : 0));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it("refuses a deactivated person with the same answer as a wrong PIN", async () => {
    await db.user.create({ data: { id: "usr-gone", name: "Gone", role: "staff", pinHash: await hashSecret("1212"), active: false } });
    const error = await errorOf(pinAs("1212", { userId: "usr-gone", locationId: "loc-harbour" }));
    expect(error.status).toBe(401);
  });

  it("refuses someone from another venue on this venue's tablet like a wrong PIN", async () => {
    const error = await errorOf(pinAs("7394", { userId: "usr-chloe", locationId: "loc-harbour" }));
    expect(error.status).toBe(401);
    expect(error.message).toBe("That PIN does not match. Try again.");
  });

  it("refuses a location other than the tablet's own, saying which venue the tablet is at", async () => {
    const error = await errorOf(pinAs("4827", { userId: "usr-amira", locationId: "loc-grand" }));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/paired to The Harbour Kitchen/);
  });

  it("refuses a browser that is not a paired tablet, before counting or hashing anything", async () => {
    const before = await db.signInAttempt.count();
    const error = await errorOf(signInWithPin(db, { userId: "usr-amira", pin: "4827" }, { address, now: clock }));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/only on a tablet paired/);
    expect(await db.signInAttempt.count()).toBe(before);
  });

  it("rejects malformed input without counting it", async () => {
    expect((await errorOf(pinAs("12"))).status).toBe(400);
    expect(await db.signInAttempt.count({ where: { key: `device:${tablet.id}`, at: { gte: new Date(base) } } })).toBe(0);
  });
});

describe("password sign-in", () => {
  const asMaria = (password: string, email = "maria@example.com") => signInWithPassword(db, { email, password }, { address, now: clock });

  it("signs a manager in, with the email in any case", async () => {
    const session = await asMaria("manager-demo-pass", "  Maria@Example.com ");
    expect(await resolveSession(db, session.token, now)).toMatchObject({
      id: "usr-maria",
      role: "manager",
      currentLocationId: "loc-harbour",
    });
  });

  it("gives a person at several locations no default location", async () => {
    const session = await signInWithPassword(db, { email: "admin@example.com", password: "admin-demo-pass" }, { address, now: clock });
    expect(await resolveSession(db, session.token, now)).toMatchObject({ role: "admin", currentLocationId: null });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrong = await errorOf(asMaria("nope"));
    const unknown = await errorOf(asMaria("nope", "nobody@example.com"));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.message).toBe(wrong.message);
  });

  it("slows down and locks like PINs do, for that address only", async () => {
    for (let i = 0; i < 3; i++) await errorOf(asMaria("nope"));
    expect((await errorOf(asMaria("manager-demo-pass"))).message).toBe("Too many tries — wait 5 seconds");
    const { failures } = await failUntilLocked(() => asMaria("nope"));
    expect(failures).toBe(5);
    const locked = await errorOf(asMaria("manager-demo-pass"));
    expect(locked.message).toBe("This account is locked for 15 minutes after too many wrong passwords");
    // Somebody guessing from elsewhere cannot lock Maria out of her own network.
    await expect(
      signInWithPassword(db, { email: "maria@example.com", password: "manager-demo-pass" }, { address: "10.200.0.1", now: clock }),
    ).resolves.toHaveProperty("token");
    // Nor out of the tablet, where she signs in with her PIN.
    await expect(pinAs("9406", { userId: "usr-maria", locationId: "loc-harbour" })).resolves.toHaveProperty("token");
  });

  it("answers someone who signs in with a PIN exactly like a wrong password", async () => {
    await db.user.update({
      where: { id: "usr-ben" },
      data: { email: "ben@example.com", passwordHash: await hashSecret("staff-password-1") },
    });
    const error = await errorOf(
      signInWithPassword(db, { email: "ben@example.com", password: "staff-password-1" }, { address, now: clock }),
    );
    expect(error.status).toBe(401);
    expect(error.message).toBe("That email and password do not match. Try again.");
  });

  it("validates the input", async () => {
    expect((await errorOf(asMaria("", "not-an-email"))).status).toBe(400);
  });
});

describe("manager PIN on the staff tablet", () => {
  it("is throttled like a sign-in", async () => {
    const amiraActor = actorFor("usr-amira");
    const { caseId } = await openCase(db, amiraActor, { clientEventId: `thr-${Date.now()}` }, clock);
    const decide = (pin: string, n: number) =>
      decideOnTablet(
        db,
        amiraActor,
        caseId,
        { clientEventId: `thr-d-${Date.now()}-${n}`, managerId: "usr-maria", pin, decision: { decision: "approved" } },
        { address, now: clock },
      );
    for (let i = 0; i < 3; i++) expect((await errorOf(decide("0000", i))).status).toBe(401);
    const slow = await errorOf(decide("9406", 9));
    expect(slow.status).toBe(429);
  });
});
