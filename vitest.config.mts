import { defineConfig } from "vitest/config";
import path from "node:path";

// The same tests on both engines (docs/decisions/0020): project "sqlite" (the embedded default, a
// copied template file per test file) and project "postgresql" (a throwaway server started by
// tests/setup/global-postgres.ts, a cloned template database per test file). Pure unit tests
// (no database) run once, in the sqlite project. `TEST_ENGINES=sqlite` leaves PostgreSQL out.
const include = ["lib/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"];
const engines = (process.env.TEST_ENGINES ?? "sqlite,postgresql").split(",").map((e) => e.trim());

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules say `import "server-only"` (it fails a client bundle); tests run them on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    pool: "forks",
    testTimeout: 30_000,
    projects: [
      ...(engines.includes("sqlite")
        ? [{ extends: true, test: { name: "sqlite", include, globalSetup: ["tests/setup/global-db.ts"], env: { TEST_ENGINE: "sqlite" } } }]
        : []),
      ...(engines.includes("postgresql")
        ? [
            {
              extends: true,
              test: {
                name: "postgresql",
                // Only the files that touch a database: the rest would run the same code twice.
                include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
                globalSetup: ["tests/setup/global-postgres.ts"],
                env: { TEST_ENGINE: "postgresql" },
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
