"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A tab: current when the path matches one of `matches` exactly, or starts with `prefix`. */
export type SectionTab = { href: string; label: string; matches?: string[]; prefix?: string };

/** The tab row under the header of an area (manager's desk, training). */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-slate-700 bg-slate-900/80">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
        {tabs.map((tab) => {
          const current = (tab.matches ?? []).includes(pathname) || (tab.prefix !== undefined && pathname.startsWith(tab.prefix));
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-12 items-center border-b-4 px-4 text-lg font-semibold ${
                  current ? "border-sky-400 text-sky-200" : "border-transparent text-slate-300 hover:text-slate-50"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
