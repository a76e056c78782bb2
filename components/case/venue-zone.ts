"use client";

import { createContext, useContext } from "react";

// Kept apart from ./venue-time.ts (the date helpers, loaded with the stages that use them): the
// live coach's first script needs only this.

/** The venue's IANA time zone, from its location (components/case/case-coach.tsx provides it). */
export const VENUE_DEFAULT_TIME_ZONE = "Europe/London";
export const VenueTimeZone = createContext<string>(VENUE_DEFAULT_TIME_ZONE);
export const useVenueTimeZone = () => useContext(VenueTimeZone);
