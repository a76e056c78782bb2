"use client";

import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { TextArea, TextInput } from "@/components/ui/field";
import type { PhraseFlag } from "@/lib/playbook/phrase-coach";
import { PHRASE_KIND_LABELS } from "@/lib/playbook/phrase-kinds";
import { quotedSentence } from "./text";
import { loadPhraseCoach, usePhraseCoach } from "./use-phrase-coach";

const DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The coach's notes on what was typed: each risky phrase, why it hurts, and one honest line instead. */
export function PhraseCoachNotes({ text, id }: { text: string; id: string }) {
  // Waits for a pause in typing so the notes do not flicker with every key.
  const settled = useDebounced(text, DEBOUNCE_MS);
  const assess = usePhraseCoach();
  const flags = useMemo(() => (assess ? assess(settled) : []), [assess, settled]);
  return (
    <div id={id} aria-live="polite" data-coach-ready={assess ? "true" : "false"}>
      {flags.length > 0 ? (
        <ul aria-label="Phrase coach" className="mt-1 flex flex-col gap-2">
          {flags.map((flag, index) => (
            // Two flags with the same better line show it once, under the first.
            <PhraseNote
              key={`${flag.start}-${flag.rule}`}
              flag={flag}
              showTry={flags.findIndex((f) => f.suggestion === flag.suggestion) === index}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A suggestion with its blanks ("[the real reason]") shown as blanks to fill, not words to read out. */
function Suggestion({ line }: { line: string }) {
  return (
    <>
      {line.split(/(\[[^\]]+\])/).map((part, i) =>
        /^\[.+\]$/.test(part) ? (
          <span key={i} className="rounded border border-dashed border-emerald-300 px-1 not-italic text-emerald-100">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function PhraseNote({ flag, showTry }: { flag: PhraseFlag; showTry: boolean }) {
  const gentle = flag.severity === "gentle";
  return (
    <li
      data-kind={flag.kind}
      className={`rounded-lg border-l-4 px-3 py-2 text-base ${gentle ? "border-sky-400 bg-sky-950/60 text-sky-50" : "border-amber-400 bg-amber-950/60 text-amber-50"}`}
    >
      <p>
        <span className="font-semibold">
          {gentle ? "Gentle nudge · " : ""}
          {PHRASE_KIND_LABELS[flag.kind]}:
        </span>{" "}
        {quotedSentence(flag.match)} {flag.why}
      </p>
      {showTry ? (
        <p className="mt-1 text-emerald-200" data-testid="phrase-try">
          <span className="font-semibold">Try: </span>“<Suggestion line={flag.suggestion} />”
        </p>
      ) : null}
    </li>
  );
}

/**
 * A text field for words the staff member says, or plans to say, to the customer; the
 * phrase coach reads along and suggests a kinder line. `singleLine` renders an <input>.
 */
export function CoachedTextarea({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  disabled,
  rows = 2,
  singleLine = false,
  maxLength,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  placeholder?: string;
  disabled?: boolean;
  rows?: number;
  singleLine?: boolean;
  maxLength?: number;
}) {
  const notesId = useId();
  const common = {
    label,
    hint,
    error,
    placeholder,
    disabled,
    maxLength,
    value,
    describedById: notesId,
    below: <PhraseCoachNotes text={value} id={notesId} />,
    // Someone has started typing: fetch the coach now rather than when the page is idle.
    onFocus: () => void loadPhraseCoach().catch(() => undefined),
  };
  return singleLine ? (
    <TextInput {...common} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <TextArea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
  );
}
