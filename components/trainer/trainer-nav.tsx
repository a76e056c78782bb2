"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TrainerLink = { href: string; label: string };

/** The trainer area's tabs; the layout passes only the ones the visitor's role may open. */
export function TrainerNav({ links }: { links: TrainerLink[] }) {
  const pathname = usePathname();
  if (links.length < 2) return null;
  return (
    <nav aria-label="Training" className="border-b border-slate-700 bg-slate-900/80">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
        {links.map((link) => {
          const current = link.href === "/trainer" ? pathname === "/trainer" || pathname.startsWith("/trainer/cases") : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-12 items-center border-b-4 px-4 text-lg font-semibold ${
                  current ? "border-sky-400 text-sky-200" : "border-transparent text-slate-300 hover:text-slate-50"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
