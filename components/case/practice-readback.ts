"use client";

import { createContext } from "react";

/** In a practice run, the simulated customer's answer to the read-back on screen (null: not ready, or a real case). */
export type PracticeReadbackAnswer = { accepted: boolean; comment?: string };
export const PracticeReadback = createContext<PracticeReadbackAnswer | null>(null);
