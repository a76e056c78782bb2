import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/current";
import { REACTION_IDS, REACTIONS, START_TEMPER, VENT_AT, WALK_OUT_AT } from "@/lib/playbook/customer-reactions";
import { CaseColumn, CaseRow, CaseTable } from "@/components/ui/case-table";

export const metadata: Metadata = { title: "The practice customer · Complaint Coach" };

/** The practice customer's reactions, as the table lib/playbook/customer-reactions.ts holds them. */
export default async function ReactionsPage() {
  await requirePageActor("trainer.replay");
  const rises = REACTION_IDS.filter((id) => REACTIONS[id].delta > 0);
  const rest = REACTION_IDS.filter((id) => REACTIONS[id].delta <= 0);
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold text-slate-50">The practice customer</h1>
        <p className="max-w-4xl text-lg text-slate-300">
          In practice the app plays the customer from a real case&apos;s facts. Their temper runs from 0 (settled) to {WALK_OUT_AT}. They
          start at {Object.entries(START_TEMPER).map(([mood, t], i) => `${i ? ", " : ""}${t} when ${mood}`)}. At {VENT_AT} or more they
          start venting again and refuse the read-back; at {WALK_OUT_AT} they walk out. When several things sting in one breath, the worst
          counts in full and each other adds one. They also refuse the read-back when nobody has apologised or when nothing real was
          offered. What the trainee types is judged by the same phrase coach as the live screens. The customer never tells the trainee the
          category, severity or feeling.
        </p>
      </div>
      {[
        { title: "What makes them angrier", ids: rises },
        { title: "What calms them", ids: rest },
      ].map((group) => (
        <section key={group.title} aria-label={group.title} className="flex flex-col gap-2">
          <h2 className="text-2xl font-semibold">{group.title}</h2>
          <CaseTable
            testId="reactions-table"
            head={
              <>
                <CaseColumn>When the trainee…</CaseColumn>
                <CaseColumn align="right">Temper</CaseColumn>
                <CaseColumn>Why</CaseColumn>
                <CaseColumn>The customer may say</CaseColumn>
              </>
            }
          >
            {group.ids.map((id) => {
              const r = REACTIONS[id];
              return (
                <CaseRow key={id}>
                  <th scope="row" className="px-3 py-2 font-semibold text-slate-50">
                    {r.trigger}
                  </th>
                  <td
                    className={`px-3 py-2 text-right tabular-nums font-semibold ${r.delta > 0 ? "text-rose-300" : r.delta < 0 ? "text-emerald-300" : "text-slate-300"}`}
                  >
                    {r.delta > 0 ? `+${r.delta}` : r.delta}
                  </td>
                  <td className="px-3 py-2 text-slate-200">{r.why}</td>
                  <td className="px-3 py-2 text-slate-100">
                    <ul className="flex flex-col gap-1">
                      {r.lines.map((line) => (
                        <li key={line}>
                          “
                          {line
                            .replaceAll("{thing}", "my food")
                            .replaceAll("{spot}", "table 7")
                            .replaceAll("{request}", "the whole meal free")}
                          ”
                        </li>
                      ))}
                    </ul>
                  </td>
                </CaseRow>
              );
            })}
          </CaseTable>
        </section>
      ))}
    </>
  );
}
