import type { Role } from "@/lib/playbook";

// The demo venues and people: plain data, so a browser test can read them without loading the seed's server modules.

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

// Demo credentials are printed in the README; every PIN is distinct so a test can pick one, and
// none is one the weak-PIN rules refuse (lib/auth/weak-pins.ts).
export const DEMO_USERS: DemoUser[] = [
  { id: "usr-amira", name: "Amira Shah", role: "staff", pin: "4827", locations: ["loc-harbour"] },
  { id: "usr-ben", name: "Ben Okafor", role: "staff", pin: "5163", locations: ["loc-harbour"] },
  { id: "usr-chloe", name: "Chloé Martin", role: "staff", pin: "7394", locations: ["loc-grand"] },
  { id: "usr-dev", name: "Dev Patel", role: "staff", pin: "6051", locations: ["loc-grand"] },
  { id: "usr-ewa", name: "Ewa Nowak", role: "staff", pin: "3718", locations: ["loc-harbour", "loc-grand"] },
  {
    id: "usr-maria",
    name: "Maria Costa",
    role: "manager",
    pin: "9406",
    email: "maria@example.com",
    password: "manager-demo-pass",
    locations: ["loc-harbour"],
  },
  {
    id: "usr-james",
    name: "James Reid",
    role: "manager",
    pin: "8352",
    email: "james@example.com",
    password: "manager-demo-pass",
    locations: ["loc-grand"],
  },
  {
    id: "usr-tara",
    name: "Tara Quinn",
    role: "trainer",
    pin: "7260",
    email: "tara@example.com",
    password: "trainer-demo-pass",
    locations: ["loc-harbour", "loc-grand"],
  },
  {
    id: "usr-alex",
    name: "Alex Admin",
    role: "admin",
    pin: "6139",
    email: "admin@example.com",
    password: "admin-demo-pass",
    locations: ["loc-harbour", "loc-grand"],
  },
];
