import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsCurrent, buildKey, recordBuild } from "@/scripts/demo-build.mjs";

// `npm run demo` skips `next build` only when the build folder was made from these exact sources
// (docs/decisions/0032-demo-within-a-minute.md). A key that missed a change would serve a stale app.
let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const opts = { env: {}, nodeVersion: "v20.19.0" };

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "demo-build-"));
  write("app/page.tsx", "export default function Page() { return null; }");
  write("lib/cases/open-case.ts", "export const a = 1;");
  write("lib/generated/prisma/client.ts", "export const client = 1;");
  write("components/ui/button.tsx", "export const b = 1;");
  write("public/sw.js", "self.x = 1;");
  write("proxy.ts", "export const p = 1;");
  write("next.config.ts", "export default {};");
  write("package-lock.json", '{"lockfileVersion":3}');
  write("node_modules/next/package.json", '{"version":"16.4.6"}');
  write("data/coach.db", "db");
  write("docs/readme.md", "docs");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the demo's build key", () => {
  it("is the same for the same sources", () => {
    expect(buildKey(root, opts)).toBe(buildKey(root, opts));
  });

  it.each([
    ["a page", "app/page.tsx"],
    ["a nested library file", "lib/cases/open-case.ts"],
    ["the generated Prisma client", "lib/generated/prisma/client.ts"],
    ["a component", "components/ui/button.tsx"],
    ["the service worker", "public/sw.js"],
    ["the proxy (CSP nonce)", "proxy.ts"],
    ["next.config.ts", "next.config.ts"],
    ["the lockfile", "package-lock.json"],
    ["the installed Next.js", "node_modules/next/package.json"],
  ])("changes when %s changes", (_, file) => {
    const before = buildKey(root, opts);
    write(file, "changed");
    expect(buildKey(root, opts)).not.toBe(before);
  });

  it("changes when a source file is added, or renamed", () => {
    const before = buildKey(root, opts);
    write("app/new/page.tsx", "export default function Page() { return null; }");
    const added = buildKey(root, opts);
    expect(added).not.toBe(before);
    rmSync(path.join(root, "app/new/page.tsx"));
    write("app/renamed/page.tsx", "export default function Page() { return null; }");
    expect(buildKey(root, opts)).not.toBe(added);
  });

  it("changes with Node's version and with a NEXT_PUBLIC_ variable, not with others", () => {
    const before = buildKey(root, opts);
    expect(buildKey(root, { ...opts, nodeVersion: "v22.0.0" })).not.toBe(before);
    expect(buildKey(root, { ...opts, env: { NEXT_PUBLIC_X: "1" } })).not.toBe(before);
    expect(buildKey(root, { ...opts, env: { PORT: "3610" } })).toBe(before);
  });

  it("does not change with the database, the docs or the build folder", () => {
    const before = buildKey(root, opts);
    write("data/coach.db", "more rows");
    write("docs/readme.md", "more docs");
    write(".next/BUILD_ID", "abc");
    expect(buildKey(root, opts)).toBe(before);
  });
});

describe("whether the build folder is current", () => {
  it("is current only for a finished build recorded with the same key", () => {
    const dist = path.join(root, ".next");
    const key = buildKey(root, opts);
    expect(buildIsCurrent(dist, key)).toBe(false); // no build at all
    mkdirSync(dist, { recursive: true });
    recordBuild(dist, key);
    expect(buildIsCurrent(dist, key)).toBe(false); // a key, but no finished build (no BUILD_ID)
    write(".next/BUILD_ID", "abc");
    expect(buildIsCurrent(dist, key)).toBe(true);
    write("app/page.tsx", "changed");
    expect(buildIsCurrent(dist, buildKey(root, opts))).toBe(false); // the sources moved on
  });
});
