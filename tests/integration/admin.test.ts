import { describe, expect, it } from "vitest";
import { addRootCauseTag } from "@/lib/admin/add-root-cause-tag";
import { createLocation } from "@/lib/admin/create-location";
import { createUser } from "@/lib/admin/create-user";
import { deactivateRootCauseTag } from "@/lib/admin/deactivate-root-cause-tag";
import { deactivateUser } from "@/lib/admin/deactivate-user";
import { listAuthorityLimits, listLocations, listPeople, listRootCauses } from "@/lib/admin/list-admin-data";
import { reactivateRootCauseTag } from "@/lib/admin/reactivate-root-cause-tag";
import { reactivateUser } from "@/lib/admin/reactivate-user";
import { renameLocation } from "@/lib/admin/rename-location";
import { renameRootCauseTag } from "@/lib/admin/rename-root-cause-tag";
import { resetCredentials } from "@/lib/admin/reset-credentials";
import { setAuthorityLimit } from "@/lib/admin/set-authority-limit";
import type { Actor } from "@/lib/auth/actor";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signInWithPin } from "@/lib/auth/sign-in-with-pin";
import { appendEvent } from "@/lib/cases/append-event";
import { listRootCauseTags } from "@/lib/cases/get-case";
import { openCase } from "@/lib/cases/open-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";
import { pairedTablet } from "../setup/tablets";

const { db } = await createTestDb();
const { device: tablet } = await pairedTablet(db, "loc-harbour");
const alex = actorFor("usr-alex");
let n = 0;
const cid = () => `adm-${Date.now()}-${n++}`;

describe("admin use-cases refuse everyone but admins", () => {
  const calls: [string, (a: Actor) => Promise<unknown>][] = [
    ["createUser", (a) => createUser(db, a, {})],
    ["deactivateUser", (a) => deactivateUser(db, a, { userId: "usr-ben" })],
    ["reactivateUser", (a) => reactivateUser(db, a, { userId: "usr-ben" })],
    ["resetCredentials", (a) => resetCredentials(db, a, { userId: "usr-ben", pin: "8305" })],
    ["createLocation", (a) => createLocation(db, a, {})],
    ["renameLocation", (a) => renameLocation(db, a, {})],
    ["addRootCauseTag", (a) => addRootCauseTag(db, a, {})],
    ["renameRootCauseTag", (a) => renameRootCauseTag(db, a, {})],
    ["deactivateRootCauseTag", (a) => deactivateRootCauseTag(db, a, {})],
    ["reactivateRootCauseTag", (a) => reactivateRootCauseTag(db, a, {})],
    ["setAuthorityLimit", (a) => setAuthorityLimit(db, a, { role: "staff", pounds: 1 })],
    ["listPeople", (a) => listPeople(db, a)],
  ];
  for (const [name, call] of calls) {
    it(name, async () => {
      for (const who of ["usr-amira", "usr-maria", "usr-tara"]) expect((await errorOf(call(actorFor(who)))).status).toBe(403);
    });
  }
});

describe("people", () => {
  it("creates a staff member who can then sign in with their PIN", async () => {
    const { id } = await createUser(db, alex, {
      name: "  Sam Lee ",
      role: "staff",
      pin: "4839",
      locationIds: ["loc-harbour"],
      email: "",
      password: "",
    });
    const person = (await listPeople(db, alex)).find((p) => p.id === id);
    expect(person).toMatchObject({
      name: "Sam Lee",
      role: "staff",
      hasPin: true,
      hasPassword: false,
      locationIds: ["loc-harbour"],
      active: true,
    });
    expect(person).not.toHaveProperty("pinHash");
    await expect(
      signInWithPin(db, { userId: id, pin: "4839", locationId: "loc-harbour" }, { address: "admin-test-1", device: tablet }),
    ).resolves.toHaveProperty("token");
  });

  it("creates a trainer who signs in with email and password", async () => {
    await createUser(db, alex, {
      name: "Tess",
      role: "trainer",
      email: "Tess@Example.com",
      password: "trainer-pass-123",
      locationIds: ["loc-grand"],
    });
    await expect(
      signInWithPassword(db, { email: "tess@example.com", password: "trainer-pass-123" }, { address: "admin-test-2" }),
    ).resolves.toHaveProperty("token");
  });

  it("says which field is wrong", async () => {
    const error = await errorOf(createUser(db, alex, { name: "", role: "staff", pin: "12", locationIds: [] }));
    expect(error.status).toBe(400);
    expect(error.details?.fields).toMatchObject({ name: expect.any(String), pin: expect.any(String), locationIds: expect.any(String) });
  });

  it("refuses unknown locations and a taken email", async () => {
    expect((await errorOf(createUser(db, alex, { name: "X", role: "staff", pin: "8305", locationIds: ["loc-nowhere"] }))).status).toBe(400);
    const taken = await errorOf(
      createUser(db, alex, {
        name: "Y",
        role: "manager",
        pin: "8305",
        email: "maria@example.com",
        password: "long-enough-pass",
        locationIds: ["loc-harbour"],
      }),
    );
    expect(taken.status).toBe(409);
  });

  it("deactivates someone: they cannot sign in and their sessions end", async () => {
    const { id } = await createUser(db, alex, { name: "Leaver", role: "staff", pin: "5719", locationIds: ["loc-harbour"] });
    const session = await createSession(db, id, "loc-harbour");
    expect(await resolveSession(db, session.token)).not.toBeNull();
    await deactivateUser(db, alex, { userId: id });
    expect(await resolveSession(db, session.token)).toBeNull();
    expect(
      (
        await errorOf(
          signInWithPin(db, { userId: id, pin: "5719", locationId: "loc-harbour" }, { address: "admin-test-3", device: tablet }),
        )
      ).status,
    ).toBe(401);
    await reactivateUser(db, alex, { userId: id });
    await expect(
      signInWithPin(db, { userId: id, pin: "5719", locationId: "loc-harbour" }, { address: "admin-test-3", device: tablet }),
    ).resolves.toHaveProperty("token");
  });

  it("will not deactivate yourself or the last admin", async () => {
    expect((await errorOf(deactivateUser(db, alex, { userId: "usr-alex" }))).status).toBe(409);
    const { id } = await createUser(db, alex, {
      name: "Second Admin",
      role: "admin",
      email: "second@example.com",
      password: "second-admin-pass",
      locationIds: ["loc-harbour"],
    });
    const second: Actor = { id, name: "Second Admin", role: "admin", locationIds: ["loc-harbour"], currentLocationId: null };
    await deactivateUser(db, second, { userId: "usr-alex" });
    expect((await errorOf(deactivateUser(db, alex, { userId: id }))).status).toBe(409);
    await reactivateUser(db, second, { userId: "usr-alex" });
  });

  it("resets a forgotten PIN and clears the lockout", async () => {
    await db.signInAttempt.create({ data: { key: `pin:${tablet.id}:usr-ben`, succeeded: false } });
    await db.signInAttempt.create({ data: { key: `pin:some-other-tablet:usr-bent`, succeeded: false } });
    await resetCredentials(db, alex, { userId: "usr-ben", pin: "6284" });
    expect(await db.signInAttempt.count({ where: { key: `pin:${tablet.id}:usr-ben` } })).toBe(0);
    expect(await db.signInAttempt.count({ where: { key: `pin:some-other-tablet:usr-bent` } })).toBe(1);
    await expect(
      signInWithPin(db, { userId: "usr-ben", pin: "6284", locationId: "loc-harbour" }, { address: "admin-test-4", device: tablet }),
    ).resolves.toHaveProperty("token");
    expect((await errorOf(resetCredentials(db, alex, { userId: "usr-ben", pin: "1111" }))).message).toMatch(/harder to guess/);
    expect((await errorOf(resetCredentials(db, alex, { userId: "usr-ben", password: "staff-password-long" }))).status).toBe(400);
    expect((await errorOf(resetCredentials(db, alex, { userId: "usr-ben" }))).status).toBe(400);
  });
});

describe("locations", () => {
  it("creates and renames a location", async () => {
    const { id } = await createLocation(db, alex, { name: "Pier Café", kind: "restaurant" });
    await renameLocation(db, alex, { locationId: id, name: "Pier Café & Bar" });
    expect((await listLocations(db, alex)).find((l) => l.id === id)).toMatchObject({
      name: "Pier Café & Bar",
      timezone: "Europe/London",
      members: 0,
    });
  });

  it("validates kind and time zone, and 404s an unknown id", async () => {
    expect((await errorOf(createLocation(db, alex, { name: "X", kind: "castle" }))).status).toBe(400);
    expect((await errorOf(createLocation(db, alex, { name: "X", kind: "hotel", timezone: "Mars/Olympus" }))).status).toBe(400);
    expect((await errorOf(renameLocation(db, alex, { locationId: "loc-none", name: "X" }))).status).toBe(404);
  });
});

describe("root causes", () => {
  it("adds, renames, deactivates and reactivates a tag; never deletes", async () => {
    const { id, slug } = await addRootCauseTag(db, alex, { label: "Music too loud" });
    expect(slug).toBe("music_too_loud");
    await renameRootCauseTag(db, alex, { tagId: id, label: "Noise" });
    expect(await listRootCauseTags(db)).toContainEqual({ slug, label: "Noise" });
    await deactivateRootCauseTag(db, alex, { tagId: id });
    expect((await listRootCauseTags(db)).map((t) => t.slug)).not.toContain(slug);
    expect((await listRootCauses(db, alex)).find((t) => t.id === id)).toMatchObject({ active: false, label: "Noise" });
    await reactivateRootCauseTag(db, alex, { tagId: id });
    expect((await listRootCauseTags(db)).map((t) => t.slug)).toContain(slug);
  });

  it("refuses a duplicate", async () => {
    expect((await errorOf(addRootCauseTag(db, alex, { label: "Wait time" }))).status).toBe(409);
  });

  it("stops new cases using a deactivated tag", async () => {
    const { id, slug } = await addRootCauseTag(db, alex, { label: "Retired cause" });
    await deactivateRootCauseTag(db, alex, { tagId: id });
    const amira = actorFor("usr-amira");
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const error = await errorOf(
      appendEvent(db, amira, caseId, { clientEventId: cid(), event: { type: "root_causes_tagged", data: { tags: [slug] } } }),
    );
    expect(error.status).toBe(400);
  });
});

describe("authority limits", () => {
  it("sets a role's limit in pounds and new cases use it", async () => {
    await setAuthorityLimit(db, alex, { role: "staff", pounds: "25.50" });
    expect(await listAuthorityLimits(db, alex)).toContainEqual({ role: "staff", limitCents: 2550 });
    const { caseId } = await openCase(db, actorFor("usr-amira"), { clientEventId: cid() });
    const opened = await db.caseEvent.findFirstOrThrow({ where: { caseId, type: "case_opened" } });
    expect(JSON.parse(opened.payload)).toMatchObject({ authorityLimitCents: 2550 });
  });

  it("refuses nonsense", async () => {
    expect((await errorOf(setAuthorityLimit(db, alex, { role: "staff", pounds: "lots" }))).status).toBe(400);
    expect((await errorOf(setAuthorityLimit(db, alex, { role: "owner", pounds: 5 }))).status).toBe(400);
  });
});
