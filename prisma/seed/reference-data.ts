import type { Db } from "@/lib/db/client";
import { hashSecret, verifySecret } from "@/lib/auth/passwords";
import { DEFAULT_ROOT_CAUSES } from "./root-causes";
import { DEMO_LOCATIONS, DEMO_USERS, type DemoUser } from "./demo-people";
import type { Role } from "@/lib/playbook";

export { DEMO_LOCATIONS, DEMO_USERS, type DemoUser } from "./demo-people";

/**
 * The PINs demo databases were seeded with before weak PINs were refused (1111, 9090, …). A demo
 * database that still has one gets the new PIN on the next seed, so README and database agree.
 */
const OLD_DEMO_PINS: Record<string, string> = {
  "usr-amira": "1111",
  "usr-ben": "2222",
  "usr-chloe": "3333",
  "usr-dev": "4444",
  "usr-ewa": "5555",
  "usr-maria": "9090",
  "usr-james": "8080",
  "usr-tara": "7070",
  "usr-alex": "6060",
};

/**
 * What each role may give on its own (minor units); above it, someone whose limit covers the
 * remedy must approve it. Admins' limit covers what a manager's does not.
 */
export const DEFAULT_AUTHORITY: Record<Role, number> = { staff: 1500, manager: 20000, trainer: 0, admin: 100000 };

/** Locations, people, authority limits and the root-cause taxonomy. Idempotent. */
export async function seedReferenceData(db: Db, users: DemoUser[] = DEMO_USERS): Promise<void> {
  for (const [i, tag] of DEFAULT_ROOT_CAUSES.entries()) {
    await db.rootCauseTag.upsert({ where: { slug: tag.slug }, create: { ...tag, sortOrder: i }, update: {} });
  }
  for (const [role, limitCents] of Object.entries(DEFAULT_AUTHORITY)) {
    await db.roleAuthority.upsert({ where: { role }, create: { role, limitCents }, update: {} });
  }
  for (const location of DEMO_LOCATIONS) {
    await db.location.upsert({ where: { id: location.id }, create: location, update: {} });
  }
  for (const user of users) {
    const existing = await db.user.findUnique({ where: { id: user.id }, select: { pinHash: true } });
    if (existing) {
      const old = OLD_DEMO_PINS[user.id];
      if (old && old !== user.pin && (await verifySecret(existing.pinHash, old))) {
        await db.user.update({ where: { id: user.id }, data: { pinHash: await hashSecret(user.pin) } });
      }
    } else {
      const pinHash = await hashSecret(user.pin);
      const passwordHash = user.password ? await hashSecret(user.password) : null;
      await db.user.create({ data: { id: user.id, name: user.name, role: user.role, email: user.email ?? null, pinHash, passwordHash } });
    }
    for (const locationId of user.locations) {
      await db.userLocation.upsert({
        where: { userId_locationId: { userId: user.id, locationId } },
        create: { userId: user.id, locationId },
        update: {},
      });
    }
  }
}
