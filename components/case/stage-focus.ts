"use client";

import { createContext, useContext, useEffect, useRef } from "react";

// When the case moves on (a new stage, a manager awaited), the screen must not be left part-way
// down the old one: the new part's heading is brought into view, just under the sticky bar, and
// takes focus, so a screen reader announces it. Not on the page's first render: the page then
// starts at its top as usual.

/** True once the case has changed on screen since this page loaded. */
export const CaseMovedOn = createContext(false);

/** Scrolls `heading` to just below the sticky top bar and focuses it. */
export function bringIntoView(heading: HTMLElement): void {
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  const bar = document.querySelector<HTMLElement>("[data-sticky-bar]");
  const scroll = () => {
    const below = bar ? bar.getBoundingClientRect().bottom : 0;
    const top = heading.getBoundingClientRect().top + window.scrollY - below - 12;
    window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
  };
  scroll();
  // The bar can grow a moment later, when the step's "Saved" badge arrives and wraps to a second
  // line, or something above the heading can go away: the heading would then sit under the bar.
  // For a short while, a heading the bar has come to cover is brought out again (never when it is
  // still clear: the person may be scrolling).
  if (!bar || typeof ResizeObserver === "undefined") return;
  const watch = new ResizeObserver(() => {
    if (heading.isConnected && heading.getBoundingClientRect().top < bar.getBoundingClientRect().bottom) scroll();
  });
  watch.observe(bar);
  watch.observe(document.body);
  window.setTimeout(() => watch.disconnect(), 3000);
}

/** A ref for a heading that is brought into view and focused when it appears after a change. */
export function useHeadingOnArrival<T extends HTMLElement>() {
  // Whether the case had changed when this part appeared: only then does it take the focus.
  const arrivedAfterChange = useRef(useContext(CaseMovedOn));
  const ref = useRef<T>(null);
  useEffect(() => {
    if (arrivedAfterChange.current && ref.current) bringIntoView(ref.current);
  }, []);
  return ref;
}
