/**
 * Asks the language service everything an editor would about one damaged document, and says
 * what went wrong: a call that threw, a call slower than the bound, a range outside its file,
 * or a parse reusing the previous version's sections that reads differently from a fresh one.
 */
import type { Position, Range } from "vscode-languageserver-types";
import { generateConfig } from "../../scripts/bench/generate";
import {
  codeActions,
  complete,
  definition,
  diagnose,
  documentSymbols,
  foldingRanges,
  hover,
  parseConfig,
  type ParsedConfig,
} from "../../server/src/service";
import type { WorkspaceView } from "../../server/src/service/workspace";
import { modelDifference } from "../support/model-difference";
import type { FuzzInput } from "./inputs";
import type { Random } from "./random";
import { EditorLines, rangeProblems } from "./ranges";

export type FailureKind = "threw" | "slow" | "range" | "unstable";

export interface CallFailure {
  readonly call: string;
  readonly kind: FailureKind;
  readonly message: string;
}

export interface Examination {
  readonly failures: CallFailure[];
  readonly calls: number;
  readonly slowest: { readonly call: string; readonly ms: number };
}

/** How long one call may take; a slower one is timed once more before it counts. */
export const DEFAULT_BOUND_MS = 500;

/** Positions asked about per document, for completion, hover and definition each. */
const POSITIONS = 3;

const OTHER_CONFIG_URI = "file:///fuzz/other/wrangler.toml";
const OTHER_CONFIG = generateConfig(30);
const WORKER_SOURCE = [
  "import { DurableObject, WorkerEntrypoint } from 'cloudflare:workers';",
  "export class Room0 extends DurableObject {}",
  "export class Cart extends DurableObject {}",
  "export class Auth extends WorkerEntrypoint {}",
  "export default { fetch() { return new Response('ok'); } };",
].join("\n");

/** A workspace where every module is the same Worker source and one other Worker exists. */
function workspaceFor(document: FuzzInput): WorkspaceView {
  return {
    workerConfigs: () => [
      { name: "backend-0-e0", uri: OTHER_CONFIG_URI },
      { name: "auth-worker", uri: OTHER_CONFIG_URI },
      { name: "bench-worker", uri: document.uri },
    ],
    readText: (uri) => textOf(document, uri),
  };
}

function textOf(document: FuzzInput, uri: string): string | undefined {
  if (uri === document.uri) return document.text;
  if (uri === OTHER_CONFIG_URI) return OTHER_CONFIG;
  return /\.[cm]?[jt]sx?$/.test(uri) ? WORKER_SOURCE : undefined;
}

export function examine(
  document: FuzzInput,
  random: Random,
  previous: ParsedConfig | undefined,
  boundMs = DEFAULT_BOUND_MS,
): Examination {
  const failures: CallFailure[] = [];
  let calls = 0;
  let slowest = { call: "", ms: 0 };
  const { uri, format, text } = document;
  const workspace = workspaceFor(document);

  /** Runs one call, timing it and checking the ranges of what it returns. */
  function ask<T>(call: string, run: () => T): T | undefined {
    calls++;
    let result: T;
    let ms: number;
    try {
      ({ result, ms } = time(run));
      if (ms > boundMs) ({ result, ms } = time(run));
    } catch (error) {
      failures.push({ call, kind: "threw", message: describeError(error) });
      return undefined;
    }
    if (ms > slowest.ms) slowest = { call, ms };
    if (ms > boundMs) {
      failures.push({ call, kind: "slow", message: `took ${ms.toFixed(0)} ms, twice` });
    }
    for (const problem of rangeProblems(result, uri, (target) => textOf(document, target))) {
      failures.push({ call, kind: "range", message: problem });
    }
    return result;
  }

  const parsed = ask("parseConfig", () => parseConfig(text, undefined, format));
  if (!parsed) return { failures, calls, slowest };
  const diagnostics = ask("diagnose", () => diagnose(parsed, uri)) ?? [];

  if (previous) {
    // First as a quick fix's trial parse does, keeping the previous version usable; then as the
    // server does, giving it up so that its sections move.
    for (const mode of ["kept", "replaced"] as const) {
      const call = `parseConfig after an edit (${mode})`;
      const edited = ask(call, () => parseConfig(text, previous, format, mode));
      const again = edited && ask(`diagnose after an edit (${mode})`, () => diagnose(edited, uri));
      const unstable = (message: string) => failures.push({ call, kind: "unstable", message });
      if (again && JSON.stringify(again) !== JSON.stringify(diagnostics)) {
        unstable("diagnostics differ between a fresh parse and one reusing sections");
      }
      const difference = edited && modelDifference(parsed, edited);
      if (difference) unstable(`the model differs from a fresh parse's: ${difference}`);
    }
  }

  ask("documentSymbols", () => documentSymbols(parsed));
  ask("foldingRanges", () => foldingRanges(parsed));

  const lines = new EditorLines(text);
  for (let i = 0; i < POSITIONS; i++) {
    const position = randomPosition(lines, random);
    const where = `at ${position.line}:${position.character}`;
    ask(`complete ${where}`, () => complete(parsed, position, workspace, uri));
    ask(`hover ${where}`, () => hover(parsed, position));
    ask(`definition ${where}`, () => definition(parsed, uri, position, workspace));
  }

  const range = randomRange(lines, random);
  const touching = diagnostics.filter((d) => overlaps(d.range, range));
  ask("codeActions in a range", () => codeActions(parsed, uri, range, touching));
  const everything = { start: { line: 0, character: 0 }, end: endOf(lines) };
  ask("codeActions for every diagnostic", () => codeActions(parsed, uri, everything, diagnostics));

  return { failures, calls, slowest };
}

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${String(error)}`;
  const frames = (error.stack ?? "")
    .split("\n")
    .slice(1, 6)
    .map((line) => line.trim());
  return [`${error.name}: ${error.message}`, ...frames].join(" | ");
}

/** A position inside the document, or now and then one past its end, as a stale client sends. */
function randomPosition(lines: EditorLines, random: Random): Position {
  if (random.chance(0.05)) return { line: lines.count + random.int(3), character: random.int(9) };
  const line = random.int(lines.count);
  const past = random.chance(0.05) ? 1 + random.int(5) : 0;
  return { line, character: random.int(lines.lengthOf(line) + 1) + past };
}

function randomRange(lines: EditorLines, random: Random): Range {
  const a = randomPosition(lines, random);
  const b = randomPosition(lines, random);
  const aFirst = a.line < b.line || (a.line === b.line && a.character <= b.character);
  return aFirst ? { start: a, end: b } : { start: b, end: a };
}

function endOf(lines: EditorLines): Position {
  return { line: lines.count - 1, character: lines.lengthOf(lines.count - 1) };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Position, y: Position) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
