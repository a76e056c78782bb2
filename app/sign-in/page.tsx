import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { PinSignIn } from "@/components/sign-in/pin-sign-in";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await currentActor()) redirect("/");
  const db = await getDb();
  const [locations, users] = await Promise.all([
    db.location.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { active: true, pinHash: { not: null } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, locations: { select: { locationId: true } } },
    }),
  ]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
      <h1 className="text-3xl font-bold text-sky-300">Complaint Coach</h1>
      <PinSignIn
        locations={locations}
        people={users.map((u) => ({ id: u.id, name: u.name, role: u.role, locationIds: u.locations.map((l) => l.locationId) }))}
      />
    </main>
  );
}
