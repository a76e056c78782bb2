"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/manager", label: "Live board" },
  { href: "/manager/cases", label: "Cases" },
  { href: "/manager/insights", label: "Insights" },
  { href: "/manager/improvements", label: "Improvements" },
] as const;

export function ManagerNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Manager" className="border-b border-slate-700 bg-slate-900/80">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
        {LINKS.map((link) => {
          const current = link.href === "/manager" ? pathname === "/manager" : pathname.startsWith(link.href);
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
