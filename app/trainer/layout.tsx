import { TrainerNav, type TrainerLink } from "@/components/trainer/trainer-nav";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { can, type Permission } from "@/lib/auth/policy";

const LINKS: (TrainerLink & { permission: Permission })[] = [
  { href: "/trainer", label: "Cases", permission: "trainer.replay" },
  { href: "/trainer/library", label: "Library", permission: "trainer.replay" },
  { href: "/trainer/practice", label: "Practice", permission: "trainer.replay" },
  { href: "/trainer/reactions", label: "Customer", permission: "trainer.replay" },
  { href: "/trainer/progress", label: "Progress", permission: "trainer.progress" },
];

/** The training area. Each page asks for its own permission: managers may open Progress only. */
export default async function TrainerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const links = LINKS.filter((l) => can(actor, l.permission)).map(({ href, label }) => ({ href, label }));
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <TrainerNav links={links} />
      <main className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-5 md:px-6">{children}</main>
    </>
  );
}
