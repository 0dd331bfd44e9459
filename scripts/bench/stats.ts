/** Summaries of timing samples, and the clock the benchmark reads them with. */

export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly count: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1)!,
    count: sorted.length,
  };
}

/** Nearest-rank percentile of sorted samples: a value that was really measured. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Milliseconds taken by an awaited call. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/**
 * The median time of a synchronous call, after warm-up runs, repeated until both a minimum
 * count and a minimum total time are reached, so small inputs are not measured by one tick.
 */
export function medianTime(run: () => unknown, minRuns = 5, minTotalMs = 300): number {
  for (let i = 0; i < 2; i++) run();
  const samples: number[] = [];
  let total = 0;
  while (samples.length < minRuns || (total < minTotalMs && samples.length < 200)) {
    const start = performance.now();
    run();
    const ms = performance.now() - start;
    samples.push(ms);
    total += ms;
  }
  return summarize(samples).median;
}
