import { ManagerNav } from "@/components/manager/manager-nav";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

export default async function ManagerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("manager.desk");
  const db = await getDb();
  const location = actor.currentLocationId
    ? await db.location.findUnique({ where: { id: actor.currentLocationId }, select: { name: true } })
    : null;
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={location?.name} />
      <ManagerNav />
      <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:px-6">{children}</main>
    </>
  );
}
