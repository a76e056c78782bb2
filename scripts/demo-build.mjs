// When `npm run demo` may skip `next build`: the build folder holds a finished build of exactly
// these sources (docs/decisions/0032-demo-within-a-minute.md). The key is a hash of everything
// the build reads: the app's sources, the generated Prisma client, the config files, the lockfile,
// the installed Next.js and the Node.js running it. Any change there, and the demo builds again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Folders whose files the build reads (all of them, recursively). */
export const BUILD_INPUT_DIRS = ["app", "components", "lib", "public"];
/** Single files the build reads, when present. */
export const BUILD_INPUT_FILES = [
  "proxy.ts",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
  "node_modules/next/package.json",
  ".env",
  ".env.local",
  ".env.production",
  ".env.production.local",
];
/** The file, in the build folder, that says which sources the build there was made from. */
export const KEY_FILE = "demo-build-key";

function filesUnder(root, dir) {
  const at = path.join(root, dir);
  if (!existsSync(at)) return [];
  return readdirSync(at, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/**
 * The build key of the checkout at `root`: sha256 over each input file's path and contents, in a
 * fixed order, and the settings that change what a build makes (Node's version, the variables Next
 * inlines into the browser's code).
 */
export function buildKey(root, { env = process.env, nodeVersion = process.version } = {}) {
  const files = [
    ...BUILD_INPUT_DIRS.flatMap((dir) => filesUnder(root, dir)),
    ...BUILD_INPUT_FILES.filter((f) => existsSync(path.join(root, f))),
  ];
  const hash = createHash("sha256");
  hash.update(`node ${nodeVersion}\n`);
  for (const name of Object.keys(env)
    .filter((n) => n.startsWith("NEXT_PUBLIC_"))
    .sort())
    hash.update(`env ${name}=${env[name]}\n`);
  for (const file of [...new Set(files)].sort()) {
    const contents = readFileSync(path.join(root, file));
    hash.update(`file ${file} ${contents.length}\n`);
    hash.update(contents);
  }
  return hash.digest("hex");
}

/** Whether `distDir` holds a finished build made from sources with this key. */
export function buildIsCurrent(distDir, key) {
  if (!existsSync(path.join(distDir, "BUILD_ID"))) return false;
  try {
    return readFileSync(path.join(distDir, KEY_FILE), "utf8").trim() === key;
  } catch {
    return false;
  }
}

/** After a build finished: remember which sources it was made from. */
export function recordBuild(distDir, key) {
  writeFileSync(path.join(distDir, KEY_FILE), `${key}\n`);
}
