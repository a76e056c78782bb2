import Link from "next/link";
import type { ReactNode } from "react";

// The one table frame: the manager's queue, the trainer's lists, progress, practice runs and the
// practice comparison show different columns in the same frame, headers and rows, so a fix to one
// (a tap target, a stripe) reaches them all.

/** The table, its screen-reader caption and its header row (`head`: the column headers). */
export function CaseTable({
  caption,
  head,
  children,
  testId,
}: {
  caption?: string;
  head: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-700">
      <table className="w-full border-collapse text-left text-base" data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-800 text-slate-200">
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A plain column header; `wide` takes the room left over (the complaint); `align="right"` for figures. */
export function CaseColumn({ children, wide = false, align }: { children: ReactNode; wide?: boolean; align?: "right" }) {
  return (
    <th scope="col" className={`${wide ? "w-full " : ""}px-3 py-2${align === "right" ? " text-right" : ""}`}>
      {children}
    </th>
  );
}

export function CaseRow({ children }: { children: ReactNode }) {
  return <tr className="border-t border-slate-700 align-top odd:bg-slate-900 even:bg-slate-800/40">{children}</tr>;
}

/** The first cell: the case's reference (a link, a full tap target) and where it happened. */
export function CaseLinkCell({ href, reference, spot }: { href: string; reference: string; spot: string | null | undefined }) {
  return (
    <td className="px-3 py-1">
      <Link
        href={href}
        className="flex min-h-12 flex-col justify-center whitespace-nowrap font-semibold text-sky-300 underline-offset-4 hover:underline"
      >
        {reference}
        <span className="text-sm font-normal text-slate-300">{spot ?? "—"}</span>
      </Link>
    </td>
  );
}
