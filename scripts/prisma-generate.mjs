// `prisma generate` never runs the schema engine, but the CLI insists on finding one
// before it starts; point it at an existing file so it does not try to download it.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { root } from "./schema-engine.mjs";

const require = createRequire(import.meta.url);
const engineStandIn = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engineStandIn, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
