/**
 * Issue 10, item 8: "Sign-in reveals roles before throttling: trainer and admin ids answer 403 where
 * unknown ids answer 401. Answer alike."
 *
 * Now every refusal after the tablet check is the same 401 with the same message, after the same
 * throttle, for any id: someone at another venue, a trainer, an admin, a deactivated person, nobody.
 * Password sign-in likewise for an email that belongs to someone who signs in with a PIN.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/auth/passwords";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signInWithPin } from "@/lib/auth/sign-in-with-pin";
import { errorOf } from "../setup/app-error";
import { createTestDb } from "../setup/test-db";
import { pairedTablet } from "../setup/tablets";

const { db } = await createTestDb();
const { device } = await pairedTablet(db, "loc-harbour");
await db.user.create({
  data: {
    id: "usr-left",
    name: "Left Us",
    role: "staff",
    pinHash: await hashSecret("4827"),
    active: false,
    locations: { create: [{ locationId: "loc-harbour" }] },
  },
});

let now = new Date("2027-09-01T09:00:00Z").getTime();
beforeEach(() => {
  now += 2 * 24 * 60 * 60 * 1000;
});
const clock = () => new Date(now);

/** The answers to four guesses in a row for one id: status and message each time. */
async function fourGuesses(userId: string) {
  const answers: string[] = [];
  for (let i = 0; i < 4; i++) {
    const error = await errorOf(signInWithPin(db, { userId, pin: "4827" }, { device, now: clock }));
    answers.push(`${error.status} ${error.message}`);
  }
  return answers;
}

describe("issue 10 item 8: sign-in answers alike whoever the id names", () => {
  it("PIN: a trainer, an admin, another venue's person, a leaver and nobody get the same answers, throttled the same", async () => {
    const unknown = await fourGuesses("usr-nobody");
    expect(unknown[0]).toBe("401 That PIN does not match. Try again.");
    expect(unknown[3]).toMatch(/^429 Too many tries/);
    for (const id of ["usr-tara", "usr-alex", "usr-chloe", "usr-left"]) {
      now += 2 * 24 * 60 * 60 * 1000;
      expect(await fourGuesses(id), id).toEqual(unknown);
    }
  });

  it("password: someone who signs in with a PIN gets the answer of a wrong password", async () => {
    await db.user.update({
      where: { id: "usr-ben" },
      data: { email: "ben@example.com", passwordHash: await hashSecret("staff-password-1") },
    });
    const staff = await errorOf(
      signInWithPassword(db, { email: "ben@example.com", password: "staff-password-1" }, { address: "198.51.100.1", now: clock }),
    );
    const unknown = await errorOf(
      signInWithPassword(db, { email: "nobody@example.com", password: "staff-password-1" }, { address: "198.51.100.2", now: clock }),
    );
    const wrong = await errorOf(
      signInWithPassword(db, { email: "maria@example.com", password: "staff-password-1" }, { address: "198.51.100.3", now: clock }),
    );
    expect([staff.status, staff.message]).toEqual([unknown.status, unknown.message]);
    expect([wrong.status, wrong.message]).toEqual([unknown.status, unknown.message]);
    expect(unknown.status).toBe(401);
  });
});
