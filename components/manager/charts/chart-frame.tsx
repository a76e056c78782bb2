import type { ReactNode } from "react";

export type DataTable = { caption: string; columns: string[]; rows: (string | number)[][] };

/**
 * A chart as a figure: a heading, a one-line summary a screen reader reads first, the SVG,
 * an optional legend, and the numbers as a real table behind "Show the numbers".
 */
export function ChartFrame({
  id,
  title,
  summary,
  legend,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  legend?: ReactNode;
  table: DataTable;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-800/60 p-4">
      <div className="flex flex-col gap-1">
        <h3 id={`${id}-heading`} className="text-xl font-semibold text-slate-50">
          {title}
        </h3>
        <p className="text-base text-slate-300">{summary}</p>
      </div>
      {children}
      {legend}
      <details className="group rounded-xl border border-slate-700 bg-slate-900/60">
        <summary className="flex min-h-12 cursor-pointer items-center px-4 text-base font-semibold text-sky-300">Show the numbers</summary>
        <div className="overflow-x-auto px-4 pb-4">
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th
                    key={c}
                    scope="col"
                    className={`border-b border-slate-600 py-2 pr-4 font-semibold text-slate-200 ${i > 0 ? "text-right" : ""}`}
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className="border-b border-slate-700/70">
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="py-2 pr-4 font-normal text-slate-200">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="py-2 pr-4 text-right tabular-nums text-slate-100">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function EmptyChart({ message }: { message: string }) {
  return <p className="rounded-xl border border-dashed border-slate-600 px-4 py-10 text-center text-lg text-slate-300">{message}</p>;
}
