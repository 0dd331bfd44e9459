/**
 * Runs the extension's VS Code suite (test/vscode/suite) inside a real VS Code, through
 * @vscode/test-electron's runTests(). By default the VS Code is the server of the npm package
 * code-server in headless Chromium (launcher.mjs), which works offline; WB_VSCODE=desktop runs
 * the same suite on downloaded desktop VS Code instead (needs internet, and xvfb-run on a
 * headless Linux). The fixture workspace is copied first, since the suite edits files.
 */
import { runTests } from "@vscode/test-electron";
import { build } from "esbuild";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const out = join(root, "out/vscode-tests");

async function main(): Promise<number> {
  const suite = join(__dirname, "suite");
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: readdirSync(suite).map((file) => join(suite, file)),
    outdir: out,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });

  const workspace = mkdtempSync(join(tmpdir(), "wb-workspace-"));
  cpSync(join(__dirname, "fixtures/workspace"), workspace, { recursive: true });
  try {
    const desktop = process.env.WB_VSCODE === "desktop";
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: join(__dirname, "launcher.mjs") }),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(out, "index.js"),
      launchArgs: [workspace, "--disable-extensions"],
      extensionTestsEnv: { WB_FIXTURE_WORKSPACE: workspace },
    });
    return 0;
  } catch (error) {
    console.error(`The VS Code suite failed: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

void main().then((code) => (process.exitCode = code));
