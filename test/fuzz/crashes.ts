/**
 * Failures the fuzzer found, kept as regression fixtures in test/fixtures/fuzz-crashes/: one
 * JSON file each with the (minimized) text, how it was made, and the questions' seed, so the
 * test asks the fixed service exactly what the broken one failed on.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseConfig, type ConfigFormat } from "../../server/src/service";
import { minimize } from "./minimize";
import { examine, type CallFailure, type FailureKind } from "./oracle";
import { Random } from "./random";
import { questionSeed, type FuzzCase } from "./run";

const ROOT = resolve(__dirname, "../..");
export const CRASHES = resolve(ROOT, "test/fixtures/fuzz-crashes");

export interface CrashFixture {
  readonly found: string;
  readonly seed: number;
  readonly index: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly kind: FailureKind | "hang";
  readonly call: string;
  readonly message: string;
  readonly uri: string;
  readonly format: ConfigFormat;
  /** Seeds the positions asked about, so a replay asks what the failing run asked. */
  readonly questions: number;
  /** The undamaged text whose parse the failing one reused, when it did. */
  readonly before?: string;
  readonly text: string;
}

/** A call's name without the position it was asked at, which shrinking moves. */
export const callName = (call: string) => call.replace(/ at \d+:\d+$/, "");

/** What makes two failures the same bug, for grouping and for shrinking. */
export const signature = (failure: CallFailure) => `${failure.kind}: ${callName(failure.call)}`;

/** Asks the service about a fixture's text again; the failures it still shows. */
export function replay(fixture: CrashFixture, boundMs?: number): CallFailure[] {
  const previous =
    fixture.before === undefined
      ? undefined
      : parseConfig(fixture.before, undefined, fixture.format);
  const document = {
    name: fixture.source,
    uri: fixture.uri,
    format: fixture.format,
    text: fixture.text,
  };
  return examine(document, new Random(fixture.questions), previous, boundMs).failures;
}

/** Shrinks a failing case to a fixture that still fails the same way. */
export function reproduce(
  fuzzCase: FuzzCase,
  failure: CallFailure,
  budgetMs?: number,
): CrashFixture {
  const fixture: CrashFixture = {
    found: new Date().toISOString().slice(0, 10),
    seed: fuzzCase.seed,
    index: fuzzCase.index,
    source: fuzzCase.source,
    mutations: fuzzCase.mutations,
    kind: failure.kind,
    call: failure.call,
    // Stack frames name files from the repository's root, wherever it was checked out.
    message: failure.message.replaceAll(`${ROOT}/`, ""),
    uri: fuzzCase.document.uri,
    format: fuzzCase.document.format,
    questions: questionSeed(fuzzCase),
    ...(fuzzCase.reuse && { before: fuzzCase.before }),
    text: fuzzCase.document.text,
  };
  const wanted = signature(failure);
  const stillFails = (text: string) =>
    replay({ ...fixture, text }).some((found) => signature(found) === wanted);
  return { ...fixture, text: minimize(fixture.text, stillFails, budgetMs) };
}

/** A case that never returned cannot be shrunk by running it: it is kept whole. */
export function hangFixture(fuzzCase: FuzzCase): CrashFixture {
  return {
    found: new Date().toISOString().slice(0, 10),
    seed: fuzzCase.seed,
    index: fuzzCase.index,
    source: fuzzCase.source,
    mutations: fuzzCase.mutations,
    kind: "hang",
    call: "any",
    message: "a call never returned",
    uri: fuzzCase.document.uri,
    format: fuzzCase.document.format,
    questions: questionSeed(fuzzCase),
    ...(fuzzCase.reuse && { before: fuzzCase.before }),
    text: fuzzCase.document.text,
  };
}

/** Saves a fixture under a name made of its failure and text; the path, or undefined if known. */
export function saveFixture(fixture: CrashFixture): string | undefined {
  mkdirSync(CRASHES, { recursive: true });
  const hash = createHash("sha256").update(fixture.text).digest("hex").slice(0, 10);
  const slug = callName(fixture.call)
    .toLowerCase()
    .replace(/[^a-z]+/g, "-");
  const path = resolve(CRASHES, `${fixture.kind}-${slug}-${hash}.json`);
  if (existsSync(path)) return undefined;
  writeFileSync(path, JSON.stringify(fixture, null, 2) + "\n");
  return path;
}

export function loadFixtures(): { name: string; fixture: CrashFixture }[] {
  if (!existsSync(CRASHES)) return [];
  return readdirSync(CRASHES)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((name) => ({
      name,
      fixture: JSON.parse(readFileSync(resolve(CRASHES, name), "utf8")) as CrashFixture,
    }));
}
