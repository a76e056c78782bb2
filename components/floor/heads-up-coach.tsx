"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { CoachedTextarea } from "@/components/case/coached-textarea";
import { Button } from "@/components/ui/button";
import { CheckField, TextInput } from "@/components/ui/field";
import type { HeadsUpEvent } from "@/lib/playbook/heads-up/events";
import { HEADS_UP_GUIDANCE } from "@/lib/playbook/heads-up/guidance";
import type { HeadsUpReadback } from "@/lib/playbook/heads-up/readback";
import type { HeadsUpState } from "@/lib/playbook/heads-up/state";
import {
  HEADS_UP_CHOICE_LABELS,
  HEADS_UP_STAGE_LABELS,
  HEADS_UP_STAGES,
  type HeadsUpKind,
  type HeadsUpStage,
} from "@/lib/playbook/heads-up/vocabulary";
import { newClientId, postJson } from "@/lib/client/api";
import { HeadsUpKindField, OptionRows, type OptionRow } from "./option-rows";
import { StartComplaintButton } from "./heads-up-buttons";

type Props = {
  caseId: string;
  state: HeadsUpState;
  readback: HeadsUpReadback;
  words: string[];
  rootCauses: { slug: string; label: string }[];
};

/** Walks one heads-up case stage by stage; every step goes through the heads-up playbook on the server. */
export function HeadsUpCoach({ caseId, state, readback, words, rootCauses }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(...events: HeadsUpEvent[]) {
    setBusy(true);
    setError(null);
    for (const event of events) {
      const result = await postJson(`/api/heads-up-cases/${caseId}/events`, { clientEventId: newClientId(), event });
      if (!result.ok) {
        setBusy(false);
        setError(result.error.message);
        router.refresh();
        return;
      }
    }
    setBusy(false);
    router.refresh();
  }

  const stage = (HEADS_UP_STAGES as readonly string[]).includes(state.phase) ? (state.phase as HeadsUpStage) : null;
  return (
    <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
      <ol aria-label="Heads-up stages" className="flex flex-col gap-2">
        {HEADS_UP_STAGES.map((s, i) => {
          const at = s === stage;
          const done = stage ? HEADS_UP_STAGES.indexOf(stage) > i : state.phase === "closed";
          return (
            <li
              key={s}
              aria-current={at ? "step" : undefined}
              className={`rounded-xl border-2 px-4 py-2 text-lg ${at ? "border-sky-300 bg-sky-950 font-semibold text-sky-100" : done ? "border-emerald-700 text-emerald-200" : "border-slate-700 text-slate-400"}`}
            >
              {done ? "✓ " : ""}
              {HEADS_UP_STAGE_LABELS[s]}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-col gap-5">
        {stage ? <Guidance stage={stage} /> : null}
        {stage === "notice" ? <NoticeStep busy={busy} onSend={send} /> : null}
        {stage === "explain" ? <ExplainStep busy={busy} onSend={send} /> : null}
        {stage === "offer" || stage === "decide" ? <OfferStep busy={busy} onSend={send} state={state} words={words} /> : null}
        {stage === "decide" ? <DecideStep busy={busy} onSend={send} state={state} /> : null}
        {stage === "confirm" ? <ConfirmStep busy={busy} onSend={send} readback={readback} /> : null}
        {stage === "prevent" ? <PreventStep busy={busy} onSend={send} rootCauses={rootCauses} /> : null}
        {stage === null ? <Ended state={state} readback={readback} /> : null}
        {error ? (
          <p role="alert" className="rounded-xl border border-rose-400 bg-rose-950 px-4 py-3 text-lg text-rose-100">
            {error}
          </p>
        ) : null}
        {stage && state.issue ? (
          <div className="border-t border-slate-700 pt-4">
            <StartComplaintButton headsUpCaseId={caseId} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Guidance({ stage }: { stage: HeadsUpStage }) {
  const g = HEADS_UP_GUIDANCE[stage];
  return (
    <section aria-label="Coach" className="rounded-2xl border border-slate-600 bg-slate-900 p-5">
      <h2 className="text-2xl font-semibold text-sky-200">{HEADS_UP_STAGE_LABELS[stage]}</h2>
      <p className="mt-1 text-xl">{g.goal}</p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <ul className="flex flex-col gap-1 text-base text-slate-200">
          {g.do.map((d) => (
            <li key={d}>✓ {d}</li>
          ))}
        </ul>
        <ul className="flex flex-col gap-1 text-base text-rose-200">
          {g.avoid.map((d) => (
            <li key={d}>✗ {d}</li>
          ))}
        </ul>
      </div>
      {g.phrases.length ? <p className="mt-3 text-base text-sky-100">Say: “{g.phrases[0]}”</p> : null}
    </section>
  );
}

type StepProps = { busy: boolean; onSend: (...events: HeadsUpEvent[]) => Promise<void> };

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-4 rounded-2xl border border-slate-600 bg-slate-800 p-5">
      {children}
    </section>
  );
}

function NoticeStep({ busy, onSend }: StepProps) {
  const [kind, setKind] = useState<HeadsUpKind>("running_late");
  const [what, setWhat] = useState("");
  const [spot, setSpot] = useState("");
  const [asked, setAsked] = useState(false);
  return (
    <Card title="What is coming their way">
      <HeadsUpKindField value={kind} onChange={setKind} />
      <TextInput
        label="What will affect them"
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        placeholder="Their main course is 20 minutes behind"
        maxLength={200}
      />
      <TextInput label="Table or room" value={spot} onChange={(e) => setSpot(e.target.value)} placeholder="Table 4" maxLength={80} />
      <CheckField label="They asked before we told them" checked={asked} onChange={setAsked} />
      <Button disabled={busy} onClick={() => void onSend({ type: "issue_noticed", data: { kind, what, spot, customerAskedFirst: asked } })}>
        Next: explain
      </Button>
    </Card>
  );
}

function ExplainStep({ busy, onSend }: StepProps) {
  const [reason, setReason] = useState("");
  const [words, setWords] = useState("");
  const [honest, setHonest] = useState(false);
  return (
    <Card title="The reason">
      <CoachedTextarea
        label="The plain, true reason"
        value={reason}
        onChange={setReason}
        placeholder="The kitchen is running behind on a full room"
        maxLength={300}
      />
      <CoachedTextarea label="What you said (optional)" value={words} onChange={setWords} maxLength={500} />
      <CheckField label="It's the true reason, with no excuse or blame" checked={honest} onChange={setHonest} />
      <Button
        disabled={busy}
        onClick={() => void onSend({ type: "reason_explained", data: { reason, words: words || undefined, trueReason: honest } })}
      >
        Next: offer options
      </Button>
    </Card>
  );
}

function OfferStep({ busy, onSend, state, words }: StepProps & { state: HeadsUpState; words: string[] }) {
  const [rows, setRows] = useState<OptionRow[]>([
    { choice: "wait", text: "" },
    { choice: "change", text: "" },
  ]);
  return (
    <Card title="Options">
      {state.options.length ? (
        <div>
          <p className="text-lg font-semibold">Offered so far</p>
          <ul className="text-lg text-slate-200">
            {state.options.map((o) => (
              <li key={o.text}>
                {HEADS_UP_CHOICE_LABELS[o.choice]}: {o.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {words.length ? <p className="text-base text-sky-100">Say: “{words.join(" ")}”</p> : null}
      <OptionRows rows={rows} onChange={setRows} />
      <div className="flex gap-3">
        <Button variant="ghost" onClick={() => setRows((all) => [...all, { choice: "cancel", text: "" }])} disabled={rows.length >= 6}>
          Add an option
        </Button>
        <Button
          disabled={busy}
          onClick={() => void onSend({ type: "options_offered", data: { options: rows.filter((r) => r.text.trim()) } })}
        >
          {state.phase === "decide" ? "Offer these too" : "Next: let them decide"}
        </Button>
      </div>
    </Card>
  );
}

function DecideStep({ busy, onSend, state }: StepProps & { state: HeadsUpState }) {
  const [other, setOther] = useState("");
  return (
    <Card title="Their choice">
      <p className="text-lg font-semibold">What did they choose?</p>
      <div className="flex flex-wrap gap-2">
        {state.options.map((o) => (
          <Button
            key={o.text}
            variant="secondary"
            disabled={busy}
            onClick={() => void onSend({ type: "customer_decided", data: { choice: o.choice, option: o.text } })}
          >
            {HEADS_UP_CHOICE_LABELS[o.choice]}: {o.text}
          </Button>
        ))}
      </div>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextInput label="Something else" value={other} onChange={(e) => setOther(e.target.value)} maxLength={200} />
        </div>
        <Button
          variant="ghost"
          disabled={busy || !other.trim()}
          onClick={() => void onSend({ type: "customer_decided", data: { choice: "other", option: other } })}
        >
          They chose this
        </Button>
      </div>
    </Card>
  );
}

function ConfirmStep({ busy, onSend, readback }: StepProps & { readback: HeadsUpReadback }) {
  const [gesture, setGesture] = useState("");
  const [pounds, setPounds] = useState("");
  const gestureEvent = (): HeadsUpEvent[] =>
    gesture.trim()
      ? [
          {
            type: "gesture_offered",
            data: { id: newClientId(), kind: "gesture", description: gesture, valueCents: Math.round(Number(pounds || "0") * 100) },
          },
        ]
      : [];
  return (
    <Card title="Read back">
      <div data-testid="heads-up-readback" className="rounded-2xl bg-slate-50 p-5 text-slate-950">
        <p className="text-2xl font-semibold">{readback.headline}</p>
        <ul className="mt-2 flex flex-col gap-1 text-xl">
          {readback.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </div>
      <div className="grid gap-3 md:grid-cols-[1fr_10rem]">
        <TextInput
          label="A gesture for their patience (optional)"
          value={gesture}
          onChange={(e) => setGesture(e.target.value)}
          placeholder="A drink on us while they wait"
          maxLength={200}
        />
        <TextInput label="Worth (£)" inputMode="decimal" value={pounds} onChange={(e) => setPounds(e.target.value)} placeholder="0" />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button disabled={busy} onClick={() => void onSend(...gestureEvent(), { type: "choice_confirmed", data: { accepted: true } })}>
          They agreed
        </Button>
        <Button variant="ghost" disabled={busy} onClick={() => void onSend({ type: "choice_confirmed", data: { accepted: false } })}>
          Not quite: they want to choose again
        </Button>
      </div>
    </Card>
  );
}

function PreventStep({ busy, onSend, rootCauses }: StepProps & { rootCauses: { slug: string; label: string }[] }) {
  const [tags, setTags] = useState<string[]>([]);
  const [note, setNote] = useState("");
  return (
    <Card title="Prevent">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="mb-2 text-lg font-semibold">Root cause</legend>
        {rootCauses.map((r) => (
          <button
            key={r.slug}
            type="button"
            aria-pressed={tags.includes(r.slug)}
            onClick={() => setTags((t) => (t.includes(r.slug) ? t.filter((x) => x !== r.slug) : [...t, r.slug].slice(0, 5)))}
            className={`min-h-12 rounded-xl border-2 px-4 text-lg ${tags.includes(r.slug) ? "border-sky-300 bg-sky-900" : "border-slate-500 bg-slate-900"}`}
          >
            {r.label}
          </button>
        ))}
      </fieldset>
      <TextInput label="What would have prevented it" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      <Button
        disabled={busy}
        onClick={() =>
          void onSend({ type: "prevention_noted", data: { tags, note: note || undefined } }, { type: "heads_up_closed", data: {} })
        }
      >
        Close the heads-up
      </Button>
    </Card>
  );
}

function Ended({ state, readback }: { state: HeadsUpState; readback: HeadsUpReadback }) {
  const what =
    state.phase === "complained"
      ? `Handed on to complaint case ${state.complaint?.reference ?? ""}.`
      : state.phase === "abandoned"
        ? `Abandoned: ${state.abandonReason ?? ""}`
        : "Closed.";
  return (
    <section aria-label="Outcome" className="rounded-2xl border border-slate-600 bg-slate-900 p-5">
      <p className="text-2xl font-semibold">{what}</p>
      <ul className="mt-2 text-lg text-slate-200">
        {readback.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {state.complaint ? (
        <a href={`/cases/${state.complaint.caseId}`} className="mt-3 inline-block text-lg text-sky-300 underline">
          Open the complaint case
        </a>
      ) : null}
    </section>
  );
}
