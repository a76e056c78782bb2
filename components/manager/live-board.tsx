"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { getJson } from "@/lib/client/api";
import { followLive } from "@/lib/client/live";
import { formatElapsed, formatTime, MOOD_LABELS } from "@/lib/display/format";
import type { BoardCase, LiveBoard as Board, ManagerBrief } from "@/lib/manager/live-board";
import { formatMoney } from "@/lib/playbook/money";
import { DecisionForm } from "./decision-form";
import { RepeatNotice, SeverityBadge, StagePill } from "./pills";

/**
 * The board refetches its JSON route when the live stream says a case at its venues changed
 * (docs/decisions/0026), and polls as well: every BOARD_POLL_MS when the stream is down, so a
 * request still shows up within about 3 seconds, and every BOARD_SLOW_POLL_MS while it is healthy.
 */
export const BOARD_POLL_MS = 2500;
export const BOARD_SLOW_POLL_MS = 15_000;

export function LiveBoard({ initial }: { initial: Board }) {
  const router = useRouter();
  const [board, setBoard] = useState(initial);
  const [now, setNow] = useState(() => Date.parse(initial.generatedAt));
  const [offline, setOffline] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const offset = useRef(0);
  const refreshRef = useRef<() => void>(() => undefined);

  const refresh = useCallback(async () => {
    const result = await getJson<Board>("/api/manager/board");
    if (result.ok) {
      offset.current = Date.parse(result.data.generatedAt) - Date.now();
      setBoard(result.data);
      setOffline(false);
    } else if (result.error.status === 401) {
      router.replace("/sign-in");
    } else {
      setOffline(true);
    }
  }, [router]);
  refreshRef.current = () => void refresh();

  useEffect(() => {
    const unfollow = followLive({
      wants: (notice) => notice.type === "case",
      refresh,
      fastMs: BOARD_POLL_MS,
      slowMs: BOARD_SLOW_POLL_MS,
    });
    const tick = setInterval(() => setNow(Date.now() + offset.current), 1000);
    return () => {
      unfollow();
      clearInterval(tick);
    };
  }, [refresh]);

  useEffect(() => {
    document.title = board.waiting.length ? `(${board.waiting.length}) Live board · Complaint Coach` : "Live board · Complaint Coach";
  }, [board.waiting.length]);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 6000);
    return () => clearTimeout(t);
  }, [flash]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-50">Live board</h1>
        <p className="flex items-center gap-2 text-base text-slate-300">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${offline ? "bg-rose-400" : "bg-emerald-400"}`} />
          {offline ? "Connection lost — retrying…" : `Live · updated ${formatTime(board.generatedAt, board.timeZone)}`}
          <span className="hidden md:inline">· {board.locations.map((l) => l.name).join(", ")}</span>
        </p>
      </div>

      {flash ? (
        <p role="status" className="rounded-xl bg-emerald-950 px-4 py-3 text-lg text-emerald-100">
          {flash}
        </p>
      ) : null}

      <section aria-labelledby="waiting-heading" className="flex flex-col gap-4">
        <h2 id="waiting-heading" className="flex items-center gap-3 text-2xl font-semibold">
          Waiting for you
          <span
            aria-live="polite"
            className={`rounded-full px-3 py-0.5 text-lg ${board.waiting.length ? "bg-amber-300 text-slate-950" : "bg-slate-700 text-slate-200"}`}
          >
            {board.waiting.length}
          </span>
        </h2>
        {board.waiting.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-slate-600 px-5 py-6 text-lg text-slate-300">
            Nothing is waiting for you. Requests from the floor appear here within seconds.
          </p>
        ) : (
          <ul className="flex flex-col gap-4">
            {board.waiting.map((brief) => (
              // Keyed by the request too: a second request on the same case gets a fresh form (and client id).
              <li key={`${brief.caseId}-${brief.requestedAt}`}>
                <BriefCard
                  brief={brief}
                  now={now}
                  showLocation={board.locations.length > 1}
                  myLimitCents={board.myLimitCents}
                  onDecided={(m) => (setFlash(m), refreshRef.current())}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="live-heading" className="flex flex-col gap-4">
        <h2 id="live-heading" className="flex items-center gap-3 text-2xl font-semibold">
          Open now <span className="rounded-full bg-slate-700 px-3 py-0.5 text-lg text-slate-200">{board.live.length}</span>
        </h2>
        {board.live.length === 0 ? (
          <p className="text-lg text-slate-300">No complaint is being handled right now.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
            {board.live.map((c) => (
              <li key={c.caseId}>
                <LiveCaseCard item={c} now={now} showLocation={board.locations.length > 1} />
              </li>
            ))}
          </ul>
        )}
        {board.staleOpen ? (
          <p className="text-base text-slate-300">
            {board.staleOpen} older case{board.staleOpen === 1 ? " is" : "s are"} still open with nothing new for 12 hours —{" "}
            <Link
              href="/manager/cases?state=open&sort=activity&dir=asc"
              className="font-semibold text-sky-300 underline underline-offset-4"
            >
              follow them up in the queue
            </Link>
            .
          </p>
        ) : null}
      </section>
    </div>
  );
}

function BriefCard({
  brief,
  now,
  showLocation,
  myLimitCents,
  onDecided,
}: {
  brief: ManagerBrief;
  now: number;
  showLocation: boolean;
  myLimitCents: number;
  onDecided: (message: string) => void;
}) {
  const waited = now - Date.parse(brief.requestedAt);
  const urgent = waited > 3 * 60_000;
  return (
    <article
      aria-labelledby={`brief-${brief.caseId}`}
      className={`grid grid-cols-1 gap-5 rounded-2xl border-2 bg-slate-800 p-5 lg:grid-cols-[3fr_2fr] ${urgent ? "border-rose-400" : "border-amber-300"}`}
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <span
            className={`rounded-full px-3 py-1 text-sm font-bold uppercase tracking-wide ${brief.kind === "remedy" ? "bg-amber-300 text-slate-950" : "bg-rose-300 text-slate-950"}`}
          >
            {brief.kind === "remedy" ? "Remedy above limit" : "Manager needed"}
          </span>
          {brief.practice ? <span className="rounded-full bg-violet-300 px-3 py-1 text-sm font-bold text-slate-950">Practice</span> : null}
          <span className="text-base text-slate-300">
            {brief.spot ?? "Spot not yet known"} · {brief.reference}
            {showLocation ? ` · ${brief.locationName}` : ""}
          </span>
          <span className={`ml-auto whitespace-nowrap text-lg font-bold tabular-nums ${urgent ? "text-rose-200" : "text-amber-100"}`}>
            Waiting {formatElapsed(waited)}
          </span>
        </div>
        <h3 id={`brief-${brief.caseId}`} className="text-2xl font-semibold leading-snug text-slate-50">
          {brief.request}
        </h3>
        <p className="text-base text-slate-200">
          <span className="font-semibold">{brief.requestedBy}</span> asks: {brief.reason}
        </p>
        {brief.complaint ? (
          <blockquote className="border-l-4 border-sky-400 pl-4 text-xl italic text-slate-50">“{brief.complaint.words}”</blockquote>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-base">
          {brief.complaint ? (
            <>
              <dt className="text-slate-400">About</dt>
              <dd className="flex flex-wrap items-center gap-2 text-slate-100">
                {brief.complaint.category} <SeverityBadge severity={brief.complaint.severity} />
              </dd>
              <dt className="text-slate-400">Mood</dt>
              <dd className="text-slate-100">
                {MOOD_LABELS[brief.complaint.mood] ?? brief.complaint.mood}
                {brief.feeling ? ` · feels ${brief.feeling.label.toLowerCase()}` : ""}
                {brief.apology ? ` · apologised${brief.apology.ourFault ? " (our fault)" : ""}` : " · no apology yet"}
              </dd>
            </>
          ) : null}
          {brief.offered.length ? (
            <>
              <dt className="text-slate-400">Offered</dt>
              <dd className="text-slate-100">{brief.offered.join(" · ")}</dd>
            </>
          ) : null}
          {brief.declined.map((d) => (
            <div key={d.request} className="contents">
              <dt className="text-slate-400">Said no to</dt>
              <dd className="text-slate-100">
                “{d.request}” — {d.reason}
              </dd>
            </div>
          ))}
          {brief.chosenOption ? (
            <>
              <dt className="text-slate-400">Agreed</dt>
              <dd className="text-slate-100">{brief.chosenOption}</dd>
            </>
          ) : null}
          {brief.compensation ? (
            <>
              <dt className="text-slate-400">Asking</dt>
              <dd className="font-semibold text-amber-100">
                {brief.compensation.kind}: {brief.compensation.description} — {formatMoney(brief.compensation.valueCents)} (limit{" "}
                {formatMoney(brief.compensation.limitCents)})
              </dd>
            </>
          ) : null}
          {brief.earlierDecisions.length ? (
            <>
              <dt className="text-slate-400">Before</dt>
              <dd className="text-slate-100">
                {brief.earlierDecisions.map((d) => `${d.decision}${d.note ? ` (“${d.note}”)` : ""}`).join("; ")}
              </dd>
            </>
          ) : null}
        </dl>
        <RepeatNotice messages={brief.repeat} />
        <Link
          href={`/manager/cases/${brief.caseId}`}
          className="flex min-h-12 items-center self-start text-base font-semibold text-sky-300 underline underline-offset-4"
        >
          Full history of {brief.reference}
        </Link>
      </div>
      <DecisionForm
        caseId={brief.caseId}
        kind={brief.kind}
        asked={brief.compensation}
        myLimitCents={myLimitCents}
        staffName={brief.requestedBy}
        onDecided={onDecided}
      />
    </article>
  );
}

function LiveCaseCard({ item, now, showLocation }: { item: BoardCase; now: number; showLocation: boolean }) {
  return (
    <Link
      href={`/manager/cases/${item.caseId}`}
      className="flex min-h-28 flex-col gap-2 rounded-2xl border border-slate-700 bg-slate-800 p-4 hover:border-sky-400"
    >
      <span className="flex items-center justify-between gap-2">
        <span className="text-lg font-semibold text-slate-50">
          {item.spot ?? "Listening…"} <span className="text-base font-normal text-slate-400">{item.reference}</span>
        </span>
        <StagePill stage={item.stage} status={item.status} />
      </span>
      <span className="flex flex-wrap items-center gap-2 text-base text-slate-200">
        {item.category ?? "Not yet known"} <SeverityBadge severity={item.severity} />
        {item.practice ? <span className="rounded bg-violet-300 px-2 text-sm font-bold text-slate-950">Practice</span> : null}
      </span>
      <span className="text-base text-slate-300">
        {item.staffName} · open {formatElapsed(now - Date.parse(item.openedAt))}
        {showLocation ? ` · ${item.locationName}` : ""}
      </span>
      <RepeatNotice messages={item.repeat} />
    </Link>
  );
}
