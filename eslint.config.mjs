// Lint rules, including the import rules that keep the architecture (ARCHITECTURE.md) as drawn:
// a pure playbook, components that only render, server modules that never reach the browser,
// and test kits and demo data that never reach the shipped code.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "tests/**", "bench/**"];

/** Server-only parts: the database, the use-cases and auth. Types from them are fine anywhere. */
const SERVER_MODULES = [
  "@/lib/db",
  "@/lib/db/*",
  "@/lib/generated/*",
  "@prisma/*",
  "@/lib/admin/*",
  "@/lib/auth/*",
  "@/lib/cases/*",
  "@/lib/devices/*",
  "@/lib/manager/*",
  "@/lib/steps/*",
  "@/lib/training/*",
  "@/lib/heads-ups/*",
  "@/lib/live/*",
  "@/lib/security/*",
  "@/lib/http",
  "server-only",
];
/** Test kits, demo data and the seed: never imported by shipped or operational code. */
const FIXTURES = ["@/tests/*", "@/tests/**", "@/prisma/seed/*", "@/prisma/seed-data/*", "**/tests/support/**", "**/prisma/seed/**"];
const REACT_AND_NEXT = ["react", "react-dom", "react/*", "react-dom/*", "next", "next/*"];

const rule = (...groups) => ["error", { patterns: groups }];
const group = (list, message, allowTypeImports = false) => ({ group: list, message, allowTypeImports });

export default tseslint.config(
  {
    ignores: [
      "lib/generated/**",
      "node_modules/**",
      ".next/**",
      "bench/bare-next/.next/**",
      ".next-*/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports", disallowTypeAnnotations: false }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },

  // The playbook is pure: no React, Next, Prisma, database or other part of the app.
  {
    files: ["lib/playbook/**/*.ts"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": rule(
        group(
          [
            ...REACT_AND_NEXT,
            ...SERVER_MODULES,
            "@/lib/*",
            "!@/lib/playbook",
            "@/lib/*/**",
            "!@/lib/playbook/**",
            "@/components/*",
            "@/app/*",
          ],
          "lib/playbook is pure: it imports only itself, zod and its language tools.",
        ),
        group(FIXTURES, "Shipped code never imports test kits or demo data."),
      ),
    },
  },
  // The tablet wing and the browser helpers: no React, no server modules; the playbook barrel for types only.
  {
    files: ["lib/tablet/**/*.ts", "lib/client/**/*.ts"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/playbook",
              allowTypeImports: true,
              message: "Client code imports the playbook's files, not its barrel (which carries all of it).",
            },
          ],
          patterns: [
            group(
              [...REACT_AND_NEXT, "@/components/*", "@/app/*"],
              "lib/tablet is the tablet's logic without React: components render it.",
            ),
            group(SERVER_MODULES, "Client code never imports server modules (types only).", true),
            group(FIXTURES, "Shipped code never imports test kits or demo data."),
          ],
        },
      ],
    },
  },
  // Components render: no database or server module (types only), the playbook barrel for types only.
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/playbook",
              allowTypeImports: true,
              message: "Client code imports the playbook's files, not its barrel (which carries all of it).",
            },
          ],
          patterns: [
            group(SERVER_MODULES, "Components never import the database or server modules (import types with `import type`).", true),
            group(["@/app/*"], "Components do not import pages."),
            group(FIXTURES, "Shipped code never imports test kits or demo data."),
          ],
        },
      ],
    },
  },
  // The shared UI kit knows nothing of the features built with it.
  {
    files: ["components/ui/**/*.tsx", "components/ui/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/playbook", allowTypeImports: true, message: "Client code imports the playbook's files, not its barrel." }],
          patterns: [
            group(SERVER_MODULES, "Components never import the database or server modules (import types with `import type`).", true),
            group(
              ["@/components/*", "!@/components/ui", "@/components/*/**", "!@/components/ui/**", "@/app/*"],
              "components/ui is the shared kit: it imports no feature's components.",
            ),
            group(FIXTURES, "Shipped code never imports test kits or demo data."),
          ],
        },
      ],
    },
  },
  // Server code (use-cases, routes, pages) and operational scripts never import test kits or demo data.
  {
    files: [
      "lib/**/*.ts",
      "app/**/*.ts",
      "app/**/*.tsx",
      "scripts/verify-db.ts",
      "scripts/backup.mjs",
      "scripts/migrate.mjs",
      "server.mjs",
      "proxy.ts",
    ],
    ignores: [...TESTS, "lib/playbook/**", "lib/tablet/**", "lib/client/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": rule(
        group(FIXTURES, "Shipped and operational code never imports test kits or demo data."),
      ),
    },
  },
  // The insights oracle is an independent reference: it computes from the raw tables with its own
  // SQL and shares no code with lib/manager (else one mistake would pass in both).
  {
    files: ["tests/oracle/insights-oracle.ts", "tests/oracle/venue-calendar.ts", "tests/oracle/sqlite-only.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": rule(
        group(["@/lib/*", "@/lib/**", "**/lib/**"], "The oracle shares no code with the app it checks.", true),
      ),
    },
  },
  // Playwright fixtures: `use` is Playwright's, not React's, and a fixture with no dependencies takes `{}`.
  {
    files: ["tests/e2e/**", "tests/webkit/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" },
  },
  // Tests may write terse parsers (`a(), b()` as a statement).
  {
    files: TESTS,
    rules: { "@typescript-eslint/no-unused-expressions": "off" },
  },
);
