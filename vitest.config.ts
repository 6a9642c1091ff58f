import { availableParallelism } from "node:os";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Three projects: unit (pure code), integration (real SQLite files and a real running server),
// e2e (Debian's Chromium against the built app). `npm test` builds the app first.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // Test files mostly wait on a server or Chromium, so at least two run at once: vitest's default (cores − 1) ran
    // one at a time on CI's two cores, leaving one idle (SQLite run 749 → 599 s, PostgreSQL 633 → 411 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-server.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
