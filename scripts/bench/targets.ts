/**
 * The targets of the benchmark's issue, judged on a run. Each states its measure as a ratio or
 * a time, so a MISS says by how much, and the ratios stay comparable across machines.
 */
import {
  documentHeap,
  editToSmol,
  lateGrowth,
  openToParser,
  signedMb,
  type SizeResult,
} from "./report";

export interface Verdict {
  readonly target: string;
  readonly pass: boolean;
  readonly measured: string;
}

const MIB = 1024 * 1024;

export function judge(results: readonly SizeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const at = (lines: number) => results.find((r) => r.target === lines);
  const ten = at(10_000);
  const fifty = at(50_000);

  if (ten) {
    verdicts.push(
      ratioVerdict("10k: edit→diagnostics ≤ smol-toml parse", editToSmol(ten), 1),
      ratioVerdict("10k: open→diagnostics ≤ 2× parser", openToParser(ten), 2),
      timeVerdict("10k: completion p95 < 20 ms", ten.server.completion.p95, 20),
      timeVerdict("10k: hover p95 < 20 ms", ten.server.hover.p95, 20),
    );
  }
  if (fifty) verdicts.push(timeVerdict("50k: no request over 1 s", fifty.server.slowest, 1000));
  if (ten && fifty) {
    // Heap per line at 50k against 10k: 1× is exact proportion; past 2× it grows faster.
    const perLine = (r: SizeResult) => documentHeap(r) / r.lines;
    const growth = perLine(fifty) / perLine(ten);
    verdicts.push({
      target: "memory ∝ lines",
      pass: growth > 0.5 && growth < 2,
      measured: `${growth.toFixed(2)}× per line, 50k vs 10k`,
    });
  }
  if (results.length > 0) {
    // A cache that fills up stops growing by the second half of the edits; a leak does not.
    const worst = Math.max(...results.map((r) => lateGrowth(r) - 0.02 * documentHeap(r)));
    const largest = Math.max(...results.map(lateGrowth));
    verdicts.push({
      target: "no leak over edits",
      pass: worst <= MIB,
      measured: `heap ${signedMb(largest)} MiB over the last half of the edits`,
    });
  }
  return verdicts;
}

function ratioVerdict(target: string, value: number, limit: number): Verdict {
  return { target, pass: value <= limit, measured: `${value.toFixed(2)}×` };
}

function timeVerdict(target: string, value: number, limit: number): Verdict {
  return { target, pass: value < limit, measured: `${value.toFixed(1)} ms` };
}

export function summaryLine(verdicts: readonly Verdict[]): string {
  const passed = verdicts.filter((v) => v.pass).length;
  const parts = verdicts.map((v) => `${v.target}: ${v.pass ? "PASS" : "MISS"} (${v.measured})`);
  return `Targets ${passed}/${verdicts.length}: ${parts.join("; ")}`;
}
