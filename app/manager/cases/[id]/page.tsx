import type { Metadata } from "next";
import Link from "next/link";
import { ActionItem, CloseOrReopen, LinkImprovement, ManagerNoteForm } from "@/components/manager/case-follow-up";
import { HeldStepCard } from "@/components/manager/held-step-card";
import { Panel } from "@/components/manager/panel";
import { RepeatNotice, SeverityBadge, StagePill } from "@/components/manager/pills";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageData } from "@/lib/page-errors";
import { formatDate, formatDateTime, formatDayHeading, formatDuration, formatTime, MOOD_LABELS } from "@/lib/display/format";
import { getCaseDetail } from "@/lib/manager/get-case-detail";
import { listHeldSteps } from "@/lib/manager/list-held-steps";
import { formatMoney } from "@/lib/playbook";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case · Complaint Coach" };

const EVENT_TONE: Record<string, string> = {
  manager_decided: "bg-amber-300",
  escalation_requested: "bg-amber-300",
  case_closed: "bg-emerald-300",
  case_reopened: "bg-violet-300",
  case_abandoned: "bg-slate-400",
  manager_note_added: "bg-violet-300",
  action_updated: "bg-violet-300",
  customer_vented: "bg-rose-400",
};

export default async function CaseDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("manager.desk");
  const { id } = await params;
  const db = await getDb();
  const detail = await pageData(getCaseDetail(db, actor, id), {
    notFound: ["not_found", "invalid_input"],
    deniedTo: "/manager/cases?denied=1",
  });
  // Steps taken on this case that reached the server too late to be recorded (docs/decisions/0019).
  const held = await listHeldSteps(db, actor, { caseId: detail.id });
  const tz = detail.location.timezone;
  const seconds = (to?: string) => (to ? (Date.parse(to) - Date.parse(detail.openedAt)) / 1000 : null);

  return (
    <>
      <div className="flex flex-col gap-2">
        <Link
          href="/manager/cases"
          className="flex min-h-12 items-center self-start text-base font-semibold text-sky-300 underline-offset-4 hover:underline"
        >
          ← All cases
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold text-slate-50">{detail.reference}</h1>
          <StagePill stage={detail.phase} status={detail.status} />
          {detail.practice ? <span className="rounded-full bg-violet-300 px-3 py-1 text-sm font-bold text-slate-950">Practice</span> : null}
        </div>
        <p className="text-lg text-slate-300">
          {detail.location.name} · opened by {detail.openedBy} · {formatDateTime(detail.openedAt, tz)}
          {detail.complaint ? ` · ${detail.complaint.spot}` : ""}
        </p>
      </div>

      {detail.pendingManager ? (
        <p className="rounded-xl border-2 border-amber-300 bg-amber-950/60 px-4 py-3 text-lg text-amber-50">
          Waiting for a manager since {formatDateTime(detail.pendingManager.requestedAt, tz)}: {detail.pendingManager.reason}{" "}
          <Link href="/manager" className="font-semibold underline underline-offset-4">
            Decide on the live board
          </Link>
        </p>
      ) : null}
      {detail.repeat ? <RepeatNotice messages={detail.repeat.messages} /> : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Panel id="summary" title="The complaint">
            {detail.complaint ? (
              <>
                <blockquote className="border-l-4 border-sky-400 pl-4 text-xl italic text-slate-50">“{detail.complaint.words}”</blockquote>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-base">
                  <dt className="text-slate-400">About</dt>
                  <dd className="flex flex-wrap items-center gap-2 text-slate-100">
                    {detail.complaint.category} <SeverityBadge severity={detail.complaint.severity} />
                  </dd>
                  <dt className="text-slate-400">Customer</dt>
                  <dd className="text-slate-100">
                    {MOOD_LABELS[detail.complaint.mood] ?? detail.complaint.mood}
                    {detail.feeling ? ` · felt ${detail.feeling.toLowerCase()}` : ""}
                  </dd>
                  <dt className="text-slate-400">Apology</dt>
                  <dd className="text-slate-100">
                    {detail.ourFault === null
                      ? "Not yet"
                      : `Given${detail.ourFault ? " (our fault)" : " (not our fault)"} after ${formatDuration(seconds(detail.firstApologyAt))}`}
                  </dd>
                  <dt className="text-slate-400">Agreed</dt>
                  <dd className="text-slate-100">{detail.chosenOption ?? "Nothing yet"}</dd>
                  <dt className="text-slate-400">Remedy</dt>
                  <dd className="text-slate-100">
                    {detail.compensation.length
                      ? detail.compensation.map((c) => `${c.description} (${formatMoney(c.valueCents)}, ${c.statusText})`).join("; ")
                      : (detail.compensationSkippedReason ?? "None")}
                  </dd>
                  <dt className="text-slate-400">Read-back</dt>
                  <dd className="text-slate-100">
                    {detail.readback
                      ? detail.readback.accepted
                        ? `Accepted, resolved after ${formatDuration(seconds(detail.resolvedAt))}`
                        : "Not accepted"
                      : "Not yet"}
                  </dd>
                  <dt className="text-slate-400">Root causes</dt>
                  <dd className="text-slate-100">
                    {detail.rootCauses.length ? detail.rootCauses.map((r) => r.label).join(", ") : "Not tagged yet"}
                  </dd>
                  {detail.preventionNote ? (
                    <>
                      <dt className="text-slate-400">Prevention</dt>
                      <dd className="text-slate-100">{detail.preventionNote}</dd>
                    </>
                  ) : null}
                  {detail.abandonReason ? (
                    <>
                      <dt className="text-slate-400">Abandoned</dt>
                      <dd className="text-slate-100">{detail.abandonReason}</dd>
                    </>
                  ) : null}
                </dl>
              </>
            ) : (
              <p className="text-lg text-slate-300">The complaint has not been recorded yet: the staff member is still listening.</p>
            )}
          </Panel>

          <Panel id="history" title={`History (${detail.history.length} steps)`}>
            <ol className="flex flex-col">
              {detail.history.map((line, i) => {
                const day = formatDate(line.at, tz);
                const newDay = i === 0 || formatDate(detail.history[i - 1].at, tz) !== day;
                return (
                  <li key={line.sequence} className="flex flex-col">
                    {newDay ? (
                      <p className="pb-1 pt-3 text-sm font-semibold uppercase tracking-wide text-slate-400 first:pt-0">
                        {formatDayHeading(line.at, tz)}
                      </p>
                    ) : null}
                    <div className="grid grid-cols-[5.5rem_1fr] gap-3 border-b border-slate-700/70 py-3">
                      <time dateTime={line.at} className="text-base tabular-nums text-slate-300">
                        {formatTime(line.at, tz)}
                      </time>
                      <div className="flex flex-col gap-1">
                        <p className="flex items-start gap-2 text-base text-slate-100">
                          <span
                            aria-hidden="true"
                            className={`mt-2 inline-block h-2.5 w-2.5 shrink-0 rounded-full ${EVENT_TONE[line.type] ?? "bg-sky-400"}`}
                          />
                          <span>
                            <span className="font-semibold">{line.who}</span>
                            {line.role !== "staff" ? <span className="text-slate-400"> ({line.role})</span> : null} —{" "}
                            <span className={line.superseded ? "text-slate-400 line-through decoration-slate-500" : undefined}>
                              {line.what}
                            </span>
                            {line.superseded ? (
                              <span
                                className="ml-2 rounded-md bg-slate-700 px-2 py-0.5 text-sm font-semibold text-slate-100"
                                data-testid="superseded"
                              >
                                Superseded
                              </span>
                            ) : null}
                          </span>
                        </p>
                        {line.detail ? <p className="whitespace-pre-line pl-4 text-base text-slate-300">{line.detail}</p> : null}
                      </div>
                    </div>
                  </li>
                );
              })}
            </ol>
          </Panel>
          {held.steps.length ? (
            <Panel id="held-steps" title={`Held steps (${held.steps.length})`}>
              <p className="text-base text-slate-300">
                Taken on a tablet without Wi-Fi, these reached the server after the case could take them, so they are not in the history
                above.
              </p>
              <ul className="flex flex-col gap-3">
                {held.steps.map((step) => (
                  <HeldStepCard key={step.id} step={step} showCase={false} />
                ))}
              </ul>
            </Panel>
          ) : null}
        </div>

        <div className="flex flex-col gap-6">
          <Panel id="actions" title="Agreed actions">
            {detail.actions.length ? (
              <ul className="flex flex-col gap-3">
                {detail.actions.map((a) => (
                  <ActionItem key={a.id} caseId={detail.id} action={a} canUpdate={detail.can.updateActions} timeZone={tz} />
                ))}
              </ul>
            ) : (
              <p className="text-base text-slate-300">No actions agreed yet.</p>
            )}
          </Panel>

          <Panel id="notes" title="Manager's notes">
            {detail.managerNotes.length ? (
              <ul className="flex flex-col gap-3">
                {detail.managerNotes.map((n, i) => (
                  <li key={i} className="rounded-xl bg-slate-900/60 px-3 py-2">
                    <p className="whitespace-pre-line text-base text-slate-100">{n.text}</p>
                    <p className="text-sm text-slate-400">
                      {n.by} · {formatDateTime(n.at, tz)}
                    </p>
                  </li>
                ))}
              </ul>
            ) : null}
            <ManagerNoteForm caseId={detail.id} />
          </Panel>

          <Panel id="close" title={detail.can.reopen ? "Reopen" : "Close"}>
            <CloseOrReopen
              caseId={detail.id}
              canClose={detail.can.close}
              canReopen={detail.can.reopen}
              closeBlockedBecause={detail.can.closeBlockedBecause}
            />
          </Panel>

          <Panel id="improvements" title="Improvements">
            {detail.improvements.length ? (
              <ul className="flex flex-col gap-2">
                {detail.improvements.map((i) => (
                  <li key={i.id} className="text-base text-slate-100">
                    <Link href="/manager/improvements" className="font-semibold text-sky-300 underline-offset-4 hover:underline">
                      {i.title}
                    </Link>{" "}
                    <span className="text-slate-400">· {i.status === "done" ? "done" : `due ${formatDateTime(i.dueAt, tz)}`}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-base text-slate-300">Not linked to an improvement.</p>
            )}
            <LinkImprovement caseId={detail.id} options={detail.linkableImprovements} />
          </Panel>
        </div>
      </div>
    </>
  );
}
