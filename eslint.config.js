// ESLint (flat config), run by `npm run lint` and by `npm test` right after the type check. Only rules that read
// the syntax (typescript-eslint's set without type information), so it stays fast: types are tsc's job.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    "build/",
    "node_modules/",
    "data/",
    "tmp/",
    "backups/",
    "screenshots/",
    "public/",
    ".runtime/",
    ".runtime-download.*/",
    ".cache/",
    "test-results/",
  ]),
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // Text handling matches control characters on purpose (XML-safe text, file names, redirects, test generators).
      "no-control-regex": "off",
      // `const { a, ...rest } = x` is how a field is left out of an object.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // Kysely's convention: a migration sees the database as it was then, not the app's current schema types.
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    files: ["app/**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended],
    rules: { "react-hooks/exhaustive-deps": "error" },
  },
]);
