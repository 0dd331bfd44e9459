/**
 * Wrangler's own configuration checker, wrapped as a test oracle: the corpus tests compare our
 * verdicts with what the pinned wrangler devDependency says about the same file.
 *
 * Wrangler is loaded lazily, once per process (about a second and 200 MB). Every call runs with
 * a quiet, offline environment and with the console captured, so nothing is ever printed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { format, stripVTControlCharacters } from "node:util";

export interface WranglerVerdict {
  /**
   * One message per bullet of Wrangler's error list. With an environment, Wrangler checks the
   * top level too, so this holds the top level's errors followed by the environment's.
   */
  errors: string[];
  /** One message per bullet of Wrangler's warning list, in the same way. */
  warnings: string[];
  /**
   * Set when the file does not parse; Wrangler then checks nothing, so both lists are empty.
   * As Wrangler reports it (esbuild's convention): `line` counts from 1, `column` from 0.
   */
  syntaxError?: { message: string; line: number; column: number };
}

/** The two entry points we use, typed as far as we rely on them. */
interface WranglerApi {
  unstable_readConfig(args: { config: string; env?: string }, options: object): unknown;
  experimental_readRawConfig(args: { config: string }): { rawConfig: Record<string, unknown> };
}

/**
 * Checks `file` as `wrangler --env <env>` would: the top level, plus the environment if given.
 * Throws only when Wrangler fails in a way that is not a verdict on the file (say it is missing).
 */
export function wranglerVerdict(file: string, env?: string): WranglerVerdict {
  const { unstable_readConfig } = loadWrangler();
  const config = readablePath(file);
  const logged: string[] = [];
  const verdict: WranglerVerdict = { errors: [], warnings: [] };

  try {
    quietly(logged, () => unstable_readConfig({ config, env }, {}));
  } catch (error) {
    const syntaxError = syntaxErrorOf(error);
    if (syntaxError !== undefined) {
      verdict.syntaxError = syntaxError;
    } else {
      verdict.errors = errorBullets(error);
    }
  }

  verdict.warnings = logged.flatMap(warningBullets);
  return verdict;
}

/** The names under `[env.*]`, as Wrangler's own parser reads them; none if it does not parse. */
export function wranglerEnvironments(file: string): string[] {
  const { experimental_readRawConfig } = loadWrangler();
  const config = readablePath(file);
  try {
    const { rawConfig } = quietly([], () => experimental_readRawConfig({ config }));
    const env = rawConfig.env;
    return typeof env === "object" && env !== null && !Array.isArray(env) ? Object.keys(env) : [];
  } catch (error) {
    if (syntaxErrorOf(error) !== undefined) return [];
    throw error;
  }
}

let wrangler: WranglerApi | undefined;

function loadWrangler(): WranglerApi {
  // Loading runs module set-up that reads HOME and the terminal width, so it is quieted too.
  wrangler ??= quietly([], () => createRequire(import.meta.url)("wrangler") as WranglerApi);
  return wrangler;
}

let sandbox: string | undefined;

/** A folder for Wrangler's HOME and TMPDIR, made once per process and removed at exit. */
function sandboxDir(): string {
  if (sandbox !== undefined) return sandbox;
  const dir = mkdtempSync(path.join(os.tmpdir(), "wrangler-oracle-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));

  // On an unknown field Wrangler asks the npm registry whether a newer version knows it, at
  // most once an hour. A cached answer that is not stale for years keeps it offline.
  const cacheFile = path.join(dir, "update-check", "wrangler-latest.json");
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  const tenYears = 10 * 365 * 24 * 60 * 60 * 1000;
  writeFileSync(cacheFile, JSON.stringify({ latest: null, lastUpdate: Date.now() + tenYears }));

  sandbox = dir;
  return dir;
}

/**
 * Runs `run` with Wrangler's environment variables set and the console captured, collecting
 * what goes to `console.warn` into `warned`; everything is put back afterwards, even on a throw.
 */
function quietly<T>(warned: string[], run: () => T): T {
  const dir = sandboxDir();
  const quietEnv: Record<string, string | undefined> = {
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_WRITE_LOGS: "false",
    WRANGLER_LOG: "warn",
    HOME: dir,
    TMPDIR: dir,
    CLOUDFLARE_ENV: undefined,
    // When set, Wrangler drops its warnings about experimental fields.
    WRANGLER_DISABLE_EXPERIMENTAL_WARNING: undefined,
  };
  const savedEnv = Object.fromEntries(Object.keys(quietEnv).map((k) => [k, process.env[k]]));
  const savedConsole = { ...console };
  // Wrangler's logger hands the terminal width to esbuild, which then wraps warnings and loses
  // the indentation that tells nested bullets apart; it reads the width when first set up.
  const savedColumns = Object.getOwnPropertyDescriptor(process.stdout, "columns");

  setEnv(quietEnv);
  Object.defineProperty(process.stdout, "columns", { value: undefined, configurable: true });
  // Wrangler's logger writes through these five (`logger.warn` is `console.warn`).
  const ignore = () => {};
  Object.assign(console, { log: ignore, info: ignore, debug: ignore, error: ignore });
  console.warn = (...args: unknown[]) => warned.push(format(...args));
  try {
    return run();
  } finally {
    Object.assign(console, savedConsole);
    if (savedColumns !== undefined) Object.defineProperty(process.stdout, "columns", savedColumns);
    else Reflect.deleteProperty(process.stdout, "columns");
    setEnv(savedEnv);
  }
}

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

const copies = new Map<string, string>();

/**
 * Wrangler picks the format from the file's last extension and silently reads anything else as
 * an empty configuration, so `wrangler.toml.example` is checked through a copy named `.toml`.
 */
function readablePath(file: string): string {
  if (/\.(toml|jsonc?)$/.test(file)) return file;
  const inner = /\.(toml|jsonc?)(\.[^./\\]+)$/.exec(file);
  if (inner === null) throw new Error(`${file}: Wrangler reads only .toml, .json and .jsonc`);

  let copy = copies.get(file);
  if (copy === undefined) {
    const dir = mkdtempSync(path.join(sandboxDir(), "copy-"));
    copy = path.join(dir, path.basename(file).slice(0, -inner[2].length));
    copyFileSync(file, copy);
    copies.set(file, copy);
  }
  return copy;
}

function syntaxErrorOf(error: unknown): WranglerVerdict["syntaxError"] {
  // Wrangler's ParseError carries an esbuild-style location; a file it cannot read has none.
  if (!(error instanceof Error) || !("location" in error)) return undefined;
  const location: unknown = error.location;
  if (typeof location !== "object" || location === null) return undefined;
  const { line, column } = location as { line?: unknown; column?: unknown };
  if (typeof line !== "number" || typeof column !== "number") return undefined;
  return { message: error.message, line, column };
}

/** Errors come back as the message of the thrown error: a heading, then bullets. */
function errorBullets(error: unknown): string[] {
  const text = error instanceof Error ? stripVTControlCharacters(error.message) : "";
  const [heading, ...body] = text.split("\n");
  if (!isDiagnosticsHeading(heading)) throw error;
  return bullets(dedent(body));
}

/**
 * Warnings are logged through esbuild's formatter: `▲ [WARNING] <heading>`, a blank line, then
 * the bullets as notes, each line indented by two more spaces. Anything else Wrangler warns
 * about during the call is kept whole, so that it shows up in a comparison.
 */
function warningBullets(logged: string): string[] {
  const text = stripVTControlCharacters(logged);
  const [title, ...notes] = text.split("\n");
  const heading = title.replace(/^▲ \[WARNING\] /, "");
  if (heading === title || !isDiagnosticsHeading(heading)) return [text.trim()];
  return bullets(dedent(dedent(notes)));
}

function isDiagnosticsHeading(line: string): boolean {
  return /^Processing .* configuration:$/.test(line);
}

/** Removes two spaces of indentation; blank lines stay blank. */
function dedent(lines: string[]): string[] {
  return lines.map((line) => (line.startsWith("  ") ? line.slice(2) : line.trim()));
}

/**
 * Splits a bullet list into messages. A message's own lines are indented under its bullet, and
 * some messages end with a list of names (`- NAME`) that looks like nested bullets, so a nested
 * level counts as a section only when its bullet reads like one of Wrangler's section headings.
 */
function bullets(lines: string[], prefix = ""): string[] {
  const items: string[][] = [];
  for (const line of lines) {
    if (line.startsWith("- ")) items.push([line.slice(2)]);
    else if (items.length > 0) items[items.length - 1].push(line);
    else if (line.trim() !== "") throw new Error(`Unexpected Wrangler output: ${line}`);
  }

  return items.flatMap(([first, ...rest]) => {
    const body = dedent(rest);
    const section = sectionPrefix(first);
    if (section !== undefined && body.some((line) => line.startsWith("- "))) {
      return bullets(body, prefix + section);
    }
    return [prefix + [first, ...body].join("\n").trimEnd()];
  });
}

/**
 * Wrangler nests two kinds of section: `"env.NAME" environment configuration`, whose messages
 * name the environment themselves, and `"PATH.bindings[N]": {json}` (Durable Objects and the
 * like), whose messages do not, so they are prefixed with the binding's path.
 */
function sectionPrefix(heading: string): string | undefined {
  if (/^"env\.[^"]*" environment configuration$/.test(heading)) return "";
  const binding = /^("[^"]*\.bindings\[\d+\]"): /.exec(heading);
  return binding === null ? undefined : `${binding[1]}: `;
}
