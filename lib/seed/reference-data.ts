import type { Db } from "@/lib/db/client";
import { hashSecret } from "@/lib/auth/passwords";
import type { Role } from "@/lib/playbook";
import { DEFAULT_ROOT_CAUSES } from "./root-causes";

export const DEMO_LOCATIONS = [
  { id: "loc-harbour", name: "The Harbour Kitchen", kind: "restaurant" },
  { id: "loc-grand", name: "Grand Station Hotel", kind: "hotel" },
] as const;

export type DemoUser = {
  id: string;
  name: string;
  role: Role;
  pin: string;
  email?: string;
  password?: string;
  locations: string[];
};

// Demo credentials are printed in the README; every PIN is distinct so a test can pick one.
export const DEMO_USERS: DemoUser[] = [
  { id: "usr-amira", name: "Amira Shah", role: "staff", pin: "1111", locations: ["loc-harbour"] },
  { id: "usr-ben", name: "Ben Okafor", role: "staff", pin: "2222", locations: ["loc-harbour"] },
  { id: "usr-chloe", name: "Chloé Martin", role: "staff", pin: "3333", locations: ["loc-grand"] },
  { id: "usr-dev", name: "Dev Patel", role: "staff", pin: "4444", locations: ["loc-grand"] },
  { id: "usr-ewa", name: "Ewa Nowak", role: "staff", pin: "5555", locations: ["loc-harbour", "loc-grand"] },
  { id: "usr-maria", name: "Maria Costa", role: "manager", pin: "9090", email: "maria@example.com", password: "manager-demo-pass", locations: ["loc-harbour"] },
  { id: "usr-james", name: "James Reid", role: "manager", pin: "8080", email: "james@example.com", password: "manager-demo-pass", locations: ["loc-grand"] },
  { id: "usr-tara", name: "Tara Quinn", role: "trainer", pin: "7070", email: "tara@example.com", password: "trainer-demo-pass", locations: ["loc-harbour", "loc-grand"] },
  { id: "usr-alex", name: "Alex Admin", role: "admin", pin: "6060", email: "admin@example.com", password: "admin-demo-pass", locations: ["loc-harbour", "loc-grand"] },
];

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
    const pinHash = await hashSecret(user.pin);
    const passwordHash = user.password ? await hashSecret(user.password) : null;
    await db.user.upsert({
      where: { id: user.id },
      create: { id: user.id, name: user.name, role: user.role, email: user.email ?? null, pinHash, passwordHash },
      update: {},
    });
    for (const locationId of user.locations) {
      await db.userLocation.upsert({
        where: { userId_locationId: { userId: user.id, locationId } },
        create: { userId: user.id, locationId },
        update: {},
      });
    }
  }
}
