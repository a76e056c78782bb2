export * from "./vocabulary";
export * from "./events";
export * from "./state";
export * from "./machine";
export * from "./readback";
export * from "./guidance";
export * from "./carry-over";
// Not the rubric (./rubric): it carries the phrase coach's NLP library; import it on its own.
