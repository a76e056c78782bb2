export * from "./vocabulary";
export * from "./events";
export * from "./state";
export * from "./machine";
export * from "./projection";
export * from "./venue-day";
// Not the phrase coach (./phrase-coach): it carries an NLP library, and is imported on its own
// where it is needed, so nothing that uses this barrel pays for it.
export * from "./guidance";
export * from "./remedies";
export * from "./readback";
export * from "./authority";
export * from "./rounds";
export * from "./remedy-status";
export * from "./money";
export * from "./snapshot";
