import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/ui/app-header";
import type { Actor } from "@/lib/auth/actor";

export const ADMIN_SECTIONS = [
  { href: "/admin/people", title: "People", hint: "Add people, set how they sign in, deactivate leavers" },
  { href: "/admin/locations", title: "Locations", hint: "Restaurants, hotels and shops" },
  { href: "/admin/root-causes", title: "Root causes", hint: "What staff pick when they close a case" },
  { href: "/admin/authority", title: "Authority limits", hint: "What each role may give before a manager approves" },
  { href: "/admin/tablets", title: "Tablets", hint: "Paired tablets, their last use; unpair a lost one" },
] as const;

export function AdminShell({ actor, title, current, children }: { actor: Actor; title: string; current: string; children: ReactNode }) {
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <nav aria-label="Admin" className="border-b border-slate-800 bg-slate-900/60 px-5">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-1 py-2">
          {[{ href: "/admin", title: "Overview" }, ...ADMIN_SECTIONS].map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={s.href === current ? "page" : undefined}
                className="flex min-h-12 items-center rounded-xl px-4 text-lg text-slate-200 hover:bg-slate-800 aria-[current=page]:bg-slate-700 aria-[current=page]:font-semibold aria-[current=page]:text-sky-300"
              >
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-8">
        <h1 className="text-3xl font-bold">{title}</h1>
        {children}
      </main>
    </>
  );
}
