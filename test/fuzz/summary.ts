/** A fuzz report in words: counts, the tally per mutation, and each distinct failure once. */
import { signature } from "./crashes";
import type { FoundFailure, FuzzReport } from "./run";

export interface FailureGroup {
  readonly signature: string;
  readonly cases: FoundFailure[];
}

/** Failing cases grouped by what failed, the smallest text first in each group. */
export function groupFailures(report: FuzzReport): FailureGroup[] {
  const groups = new Map<string, FoundFailure[]>();
  for (const found of report.found) {
    for (const key of new Set(found.failures.map(signature))) {
      groups.set(key, [...(groups.get(key) ?? []), found]);
    }
  }
  const size = (found: FoundFailure) => found.fuzzCase.document.text.length;
  return [...groups].map(([key, cases]) => ({
    signature: key,
    cases: cases.sort((a, b) => size(a) - size(b)),
  }));
}

export function formatSummary(report: FuzzReport, elapsedMs: number): string {
  const failing = report.found.length;
  const lines = [
    `Fuzzed ${report.cases.toLocaleString("en-US")} cases (seed ${report.seed}) in ` +
      `${(elapsedMs / 1000).toFixed(1)} s: ${report.calls.toLocaleString("en-US")} calls, ` +
      `${failing} failing case${failing === 1 ? "" : "s"}, ${report.hangs.length} hung.`,
    `Slowest call: ${report.slowest.call} ${report.slowest.ms.toFixed(0)} ms ` +
      `(case ${report.slowest.index}).`,
    "",
  ];
  const names = Object.keys(report.byMutation).sort();
  const width = Math.max(8, ...names.map((name) => name.length));
  lines.push(`${"mutation".padEnd(width)}    cases  failing`);
  for (const name of names) {
    const { cases, failing: bad } = report.byMutation[name]!;
    lines.push(`${name.padEnd(width)}  ${String(cases).padStart(7)}  ${String(bad).padStart(7)}`);
  }
  for (const group of groupFailures(report)) {
    const first = group.cases[0]!;
    const failure = first.failures.find((f) => signature(f) === group.signature)!;
    lines.push(
      "",
      `${group.signature} (${group.cases.length} case${group.cases.length === 1 ? "" : "s"})`,
      `  case ${first.fuzzCase.index} from ${first.fuzzCase.source}: ` +
        first.fuzzCase.mutations.join(" + "),
      `  ${failure.call}: ${failure.message.slice(0, 300)}`,
    );
  }
  for (const index of report.hangs) lines.push("", `hang: case ${index} never returned`);
  return lines.join("\n");
}
