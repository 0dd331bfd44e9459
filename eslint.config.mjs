// Lint rules. Beyond the recommended sets, one rule keeps the architecture honest: the language
// service (catalog, syntax, checks, service) must not reach for VS Code or the LSP connection,
// so it stays testable with a string and a position.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "out/", "node_modules/", "test/fixtures/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["server/src/{catalog,syntax,checks,service}/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["vscode", "vscode-languageserver", "vscode-languageserver/*"],
              message: "The language service knows nothing of VS Code or the LSP connection.",
            },
          ],
        },
      ],
      "no-console": "error",
    },
  },
  {
    files: ["server/src/server.ts", "server/src/config-store.ts", "server/src/settings.ts"],
    rules: { "no-console": "error" },
  },
);
