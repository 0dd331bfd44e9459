/**
 * `npm run fuzz -- --count N [--seed S] [--from I] [--bound MS]`: damages configurations and
 * asks the language service everything about them, in a watched child process. Prints a
 * summary; each distinct failure is shrunk and saved under test/fixtures/fuzz-crashes/, where
 * the test suite replays it. Case I of seed S is always the same: `--from I --count 1` redoes it.
 */
import { relative } from "node:path";
import { hangFixture, reproduce, saveFixture, signature } from "../test/fuzz/crashes";
import { DEFAULT_BOUND_MS } from "../test/fuzz/oracle";
import { makeCase } from "../test/fuzz/run";
import { formatSummary, groupFailures } from "../test/fuzz/summary";
import { superviseFuzz } from "../test/fuzz/supervise";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} takes a whole number, not ${process.argv[at + 1]}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const seed = option("seed", Math.floor(Math.random() * 2 ** 31));
  const count = option("count", 1000);
  const from = option("from", 0);
  const boundMs = option("bound", DEFAULT_BOUND_MS);
  console.log(`Fuzzing ${count} cases from case ${from}, seed ${seed}, bound ${boundMs} ms…`);

  const started = performance.now();
  const report = await superviseFuzz({ seed, count, from, boundMs });
  console.log(formatSummary(report, performance.now() - started));

  const saved: string[] = [];
  for (const group of groupFailures(report)) {
    const first = group.cases[0]!;
    const failure = first.failures.find((f) => signature(f) === group.signature)!;
    const path = saveFixture(reproduce(first.fuzzCase, failure));
    if (path) saved.push(path);
  }
  for (const index of report.hangs) {
    const path = saveFixture(hangFixture(makeCase(seed, index)));
    if (path) saved.push(path);
  }

  if (report.found.length === 0 && report.hangs.length === 0) return;
  console.log("");
  for (const path of saved) console.log(`Saved a reproduction: ${relative(process.cwd(), path)}`);
  console.log(`Redo one case: npm run fuzz -- --seed ${seed} --from <case> --count 1`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
