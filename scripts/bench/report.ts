/**
 * The benchmark's output: one table with a column per file size, then the targets,
 * each with PASS or MISS and the measured ratio, on one summary line.
 */
import type { ParseTimes } from "./parsers";
import type { ServerResult } from "./scenario";
import type { Summary } from "./stats";

export interface SizeResult {
  /** The size asked of the generator, which names the column. */
  readonly target: number;
  readonly lines: number;
  readonly bytes: number;
  readonly parse: ParseTimes;
  readonly server: ServerResult;
}

type Row = readonly [label: string, cell: (result: SizeResult) => string];

const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const spread = (s: Summary): string => `${ms(s.median)} / ${ms(s.max)}`;
const spread3 = (s: Summary): string => `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.max)}`;
const ratio = (value: number): string => `${value.toFixed(2)}×`;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
/** A change in MiB with its sign; a change that rounds to zero reads +0.0. */
export const signedMb = (bytes: number): string =>
  `${bytes < -0.05 * 1024 * 1024 ? "-" : "+"}${mb(Math.abs(bytes))}`;

/** What the document itself costs the server: heap after open, less the idle server's. */
export const documentHeap = (r: SizeResult): number =>
  r.server.memory.open.heap - r.server.memory.idle.heap;
/** Heap growth over the second half of the soak: zero when nothing accumulates. */
export const lateGrowth = (r: SizeResult): number =>
  r.server.memory.soaked.heap - r.server.memory.halfSoaked.heap;
export const editToSmol = (r: SizeResult): number => r.server.edit.median / r.parse.smolToml;
export const openToParser = (r: SizeResult): number =>
  r.server.open.median / r.parse.tomlEslintParser;

const ROWS: readonly Row[] = [
  ["lines", (r) => r.lines.toLocaleString("en-US")],
  ["size (KiB)", (r) => (r.bytes / 1024).toFixed(0)],
  ["smol-toml parse (ms, median)", (r) => ms(r.parse.smolToml)],
  ["toml-eslint-parser parse (ms, median)", (r) => ms(r.parse.tomlEslintParser)],
  ["open → diagnostics, first (ms)", (r) => ms(r.server.coldOpen)],
  ["open → diagnostics, warm (ms, median)", (r) => ms(r.server.open.median)],
  ["  ÷ toml-eslint-parser parse", (r) => ratio(openToParser(r))],
  ["diagnostics", (r) => String(r.server.diagnostics)],
  ["edit → diagnostics (ms, median / max)", (r) => spread(r.server.edit)],
  ["  median ÷ smol-toml parse", (r) => ratio(editToSmol(r))],
  [
    "  median ÷ toml-eslint-parser parse",
    (r) => ratio(r.server.edit.median / r.parse.tomlEslintParser),
  ],
  ["completion (ms, median / p95 / max)", (r) => spread3(r.server.completion)],
  ["hover (ms, median / p95 / max)", (r) => spread3(r.server.hover)],
  ["type → completion (ms, median / max)", (r) => spread(r.server.typeThenComplete)],
  ["slowest request (ms)", (r) => ms(r.server.slowest)],
  ["RSS idle / open / after edits (MiB)", (r) => rss(r)],
  ["heap of the document (MiB)", (r) => mb(documentHeap(r))],
  ["  per line (KiB)", (r) => (documentHeap(r) / r.lines / 1024).toFixed(2)],
  ["heap growth, last half of edits (MiB)", (r) => signedMb(lateGrowth(r))],
];

function rss(r: SizeResult): string {
  const { idle, open, soaked } = r.server.memory;
  return `${mb(idle.rss)} / ${mb(open.rss)} / ${mb(soaked.rss)}`;
}

export function formatTable(results: readonly SizeResult[]): string {
  const header = ["", ...results.map((r) => `~${r.target.toLocaleString("en-US")} lines`)];
  const body = ROWS.map(([label, cell]) => [label, ...results.map(cell)]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((row) => row[c]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...body.map(line)].join("\n");
}
