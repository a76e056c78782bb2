export * from "./vocabulary";
export * from "./events";
export * from "./state";
export * from "./machine";
export * from "./projection";
