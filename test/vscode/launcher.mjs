#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() starts: it
// takes the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=, the folder to
// open), runs a real VS Code (the server inside the npm package code-server) and opens its
// workbench in Debian's headless Chromium. The extension host runs the suite exactly as under
// desktop VS Code; its exit code becomes this process's exit code.
//
// With WB_SCREENSHOTS=<dir>, a line "screenshot:<name>" logged by the suite saves a PNG of
// the workbench there, so the README shows real pixels. A line "wb-type:<JSON string>" types
// that string into the focused input, key by key, in place of its text: the extension host
// cannot type into the workbench itself (see suite/support.ts).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const codeServer = join(here, "code-server/node_modules/.bin/code-server");
const SUITE_TIMEOUT_MS = 10 * 60 * 1000;
/** Must match suite/index.ts. */
const SUITE_MARK = "wb-suite:";

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionPath = resolve(option("extensionDevelopmentPath") ?? ".");
const testsPath = resolve(option("extensionTestsPath") ?? "");
const folder = resolve(args.find((a) => !a.startsWith("-")) ?? ".");
const screenshots = process.env.WB_SCREENSHOTS;

const scratch = mkdtempSync(join(tmpdir(), "wb-code-server-"));
let server;
let browser;
let keyboard = Promise.resolve();

try {
  process.exitCode = await run();
} catch (error) {
  console.error(`launcher: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}

async function run() {
  const port = await freePort();
  server = startCodeServer(port);
  await waitForServer(port);

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Only this machine's code-server is reachable; anything else would hang until a time-out.
  await page.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
  );

  let finish;
  const exit = new Promise((resolveExit) => (finish = resolveExit));
  await page.exposeFunction("codeAutomationExit", (code) => finish(Number(code) || 0));
  // The suite marks its own lines (suite/index.ts); the workbench's are kept for a failure.
  const workbenchLog = [];
  await page.exposeFunction("codeAutomationLog", (_type, lines) => {
    if (lines[0] === SUITE_MARK) print(lines.slice(1));
    else workbenchLog.push(format(...lines));
  });
  page.on("console", (message) => void onConsole(page, message.text()));

  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ["extensionDevelopmentPath", remote(extensionPath)],
    ["extensionTestsPath", remote(testsPath)],
    ["skipWelcome", "true"],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  const timeout = new Promise((resolveTimeout) =>
    setTimeout(() => resolveTimeout("timeout"), SUITE_TIMEOUT_MS).unref(),
  );
  const code = await Promise.race([exit, timeout]);
  if (code !== 0) print(["The workbench's log:", ...workbenchLog.slice(-100)]);
  if (code === "timeout") throw new Error("the suite did not finish within 10 minutes");
  return code;
}

function startCodeServer(port) {
  const env = {
    ...process.env,
    TMPDIR: join(scratch, "tmp"),
    XDG_CONFIG_HOME: join(scratch, "config"),
    XDG_DATA_HOME: join(scratch, "data"),
    XDG_CACHE_HOME: join(scratch, "cache"),
    EXTENSIONS_GALLERY: "{}",
    // Tells the suite that "wb-type:" lines are typed (desktop VS Code has no one to type).
    WB_CAN_TYPE: "1",
  };
  for (const dir of ["tmp", "config", "data", "cache", "user-data", "extensions"]) {
    mkdirSync(join(scratch, dir), { recursive: true });
  }
  const config = join(scratch, "config.yaml");
  writeFileSync(config, "auth: none\n");
  const child = spawn(
    codeServer,
    [
      "--auth",
      "none",
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--user-data-dir",
      join(scratch, "user-data"),
      "--extensions-dir",
      join(scratch, "extensions"),
      "--config",
      config,
      folder,
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = [];
  child.stdout.on("data", (chunk) => log.push(String(chunk)));
  child.stderr.on("data", (chunk) => log.push(String(chunk)));
  child.on("exit", (code) => {
    if (code) console.error(`code-server exited with ${code}:\n${log.join("").slice(-4000)}`);
  });
  return child;
}

async function waitForServer(port) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within 60 s`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** The suite's report comes through the page console; so do screenshot and typing requests. */
async function onConsole(page, text) {
  const typing = /wb-type:("(?:[^"\\]|\\.)*")/.exec(text);
  if (typing) {
    const value = JSON.parse(typing[1]);
    // One request at a time, so that two never interleave their keys.
    keyboard = keyboard
      .then(async () => {
        await page.keyboard.press("ControlOrMeta+A");
        if (value === "") await page.keyboard.press("Backspace");
        else await page.keyboard.type(value);
      })
      .catch((error) => print(`launcher: could not type ${typing[1]}: ${error}`));
  }
  const marker = /screenshot:([\w-]+)/.exec(text);
  if (marker && screenshots) {
    mkdirSync(screenshots, { recursive: true });
    // Hovers and quick picks animate in; give the workbench a moment to paint them.
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(screenshots, `${marker[1]}.png`) });
    print(`saved ${join(screenshots, `${marker[1]}.png`)}`);
  }
}

function print(lines) {
  const text = Array.isArray(lines) ? lines.join("\n") : String(lines);
  if (text.trim()) process.stdout.write(`${text}\n`);
}
