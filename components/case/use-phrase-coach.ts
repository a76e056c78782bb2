"use client";

import { useEffect, useState } from "react";
import { loadOnce } from "@/lib/client/load-once";
import { whenIdle } from "@/lib/client/idle";
import type { PhraseFlag } from "@/lib/playbook/phrase-coach";

/**
 * The phrase coach carries an NLP library (≈ 120 kB compressed), so it is its own chunk, fetched
 * once the page takes input and is idle — or at once when someone starts typing — like the stage
 * panels (docs/decisions/0006 and 0008). Until it arrives the fields work as plain fields.
 */
export const loadPhraseCoach = loadOnce(() => import("@/lib/playbook/phrase-coach").then((m) => m.assessPhrase));

type Assess = (text: string) => PhraseFlag[];

/** The coach once loaded, or null while it is still on its way (or offline and never kept). */
export function usePhraseCoach(): Assess | null {
  const [assess, setAssess] = useState<Assess | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      loadPhraseCoach().then(
        (fn) => {
          if (live) setAssess(() => fn);
        },
        () => undefined, // offline and not kept yet: the field still works, the notes wait
      );
    const cancel = whenIdle(() => void load());
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return assess;
}
