// Bundles the language server, the command-line checker and the VS Code client with esbuild.
// Each bundle is one CommonJS file with its dependencies inside, so the packaged extension needs
// no node_modules. `--watch` rebuilds on change.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const watch = process.argv.includes("--watch");

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(version) },
  // jsonc-parser's default (UMD) build loads its parts with a dynamic require that a bundle
  // cannot follow; its ES module build bundles cleanly.
  mainFields: ["module", "main"],
};

const builds = [
  { ...common, entryPoints: ["server/src/server.ts"], outfile: "dist/server.js" },
  {
    ...common,
    entryPoints: ["server/src/cli.ts"],
    outfile: "dist/cli.js",
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    ...common,
    entryPoints: ["client/src/extension.ts"],
    outfile: "dist/client.js",
    external: ["vscode"],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
