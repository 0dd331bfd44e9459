/**
 * The fuzz loop: case `i` of a run with seed `s` is always the same damaged document, so a
 * failure is redone from (s, i) alone. Used by `npm run fuzz` and by the seeded test.
 */
import { parseConfig, type ParsedConfig } from "../../server/src/service";
import { loadInputs, type FuzzInput } from "./inputs";
import { pickMutation } from "./mutations";
import { DEFAULT_BOUND_MS, examine, type CallFailure } from "./oracle";
import { caseSeed, Random } from "./random";

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  /** The first case to run; with count 1 it redoes one case of an earlier run. */
  readonly from?: number;
  readonly boundMs?: number;
}

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly document: FuzzInput;
  /** The undamaged text, whose parse the damaged one reuses when `reuse` is set. */
  readonly before: string;
  readonly reuse: boolean;
}

export interface CaseResult {
  readonly index: number;
  /** The mutations' names, for the tallies. */
  readonly mutationNames: readonly string[];
  readonly calls: number;
  readonly slowest: { readonly call: string; readonly ms: number };
  readonly failures: readonly CallFailure[];
}

export interface FoundFailure {
  readonly fuzzCase: FuzzCase;
  readonly failures: readonly CallFailure[];
}

export interface FuzzReport {
  readonly seed: number;
  readonly cases: number;
  readonly calls: number;
  readonly found: FoundFailure[];
  /** Cases that never returned, by number (only a supervised run can tell). */
  readonly hangs: number[];
  /** Cases and failing cases per mutation, for the summary. */
  readonly byMutation: Record<string, { cases: number; failing: number }>;
  readonly slowest: { readonly call: string; readonly ms: number; readonly index: number };
}

let inputs: FuzzInput[] | undefined;

/** Builds case `index` of a run: an input, damaged by one to three mutations. */
export function makeCase(seed: number, index: number): FuzzCase {
  inputs ??= loadInputs();
  const random = new Random(caseSeed(seed, index));
  const source = random.pick(inputs);
  let text = source.text;
  const mutations: string[] = [];
  const rounds = random.chance(0.7) ? 1 : 2 + random.int(2);
  for (let i = 0; i < rounds; i++) {
    const mutation = pickMutation(random);
    const done = mutation.apply(text, random);
    text = done.text;
    mutations.push(`${mutation.name} (${done.detail})`);
  }
  const reuse = random.chance(0.5);
  const document = { ...source, text };
  return { seed, index, source: source.name, mutations, document, before: source.text, reuse };
}

/**
 * The parse an edit starts from. Made afresh for each case: the server gives its previous parse
 * up to the next one, whose sections then move, so a parse cannot be shared between cases.
 */
export function previousParse(fuzzCase: FuzzCase): ParsedConfig | undefined {
  if (!fuzzCase.reuse) return undefined;
  return parseConfig(fuzzCase.before, undefined, fuzzCase.document.format);
}

/** Seeds the positions a case asks about, apart from the random source that built it. */
export function questionSeed(fuzzCase: FuzzCase): number {
  return (caseSeed(fuzzCase.seed, fuzzCase.index) ^ 0x5bd1e995) >>> 0;
}

/** Builds case `index` of a run and asks the service everything about it. */
export function runCase(seed: number, index: number, boundMs = DEFAULT_BOUND_MS): CaseResult {
  const fuzzCase = makeCase(seed, index);
  const previous = previousParse(fuzzCase);
  const result = examine(fuzzCase.document, new Random(questionSeed(fuzzCase)), previous, boundMs);
  const mutationNames = [...new Set(fuzzCase.mutations.map((m) => m.split(" (")[0]!))];
  return { index, mutationNames, ...result };
}

/** Failing cases keep their texts for the report; past this many, they are only counted. */
const KEPT_FAILURES = 50;

/** Adds up case results into a report, in whatever process they ran. */
export class Tally {
  private cases = 0;
  private calls = 0;
  private slowest = { call: "", ms: 0, index: -1 };
  private readonly found: FoundFailure[] = [];
  private readonly hangs: number[] = [];
  private readonly byMutation: FuzzReport["byMutation"] = {};

  constructor(private readonly seed: number) {}

  add(result: CaseResult): void {
    this.cases++;
    this.calls += result.calls;
    if (result.slowest.ms > this.slowest.ms)
      this.slowest = { ...result.slowest, index: result.index };
    const failing = result.failures.length > 0;
    if (failing && this.found.length < KEPT_FAILURES) {
      this.found.push({ fuzzCase: makeCase(this.seed, result.index), failures: result.failures });
    }
    for (const name of result.mutationNames) {
      const tally = (this.byMutation[name] ??= { cases: 0, failing: 0 });
      tally.cases++;
      if (failing) tally.failing++;
    }
  }

  addHang(index: number): void {
    this.cases++;
    this.hangs.push(index);
  }

  get report(): FuzzReport {
    const { seed, cases, calls, found, hangs, byMutation, slowest } = this;
    return { seed, cases, calls, found, hangs, byMutation, slowest };
  }
}
