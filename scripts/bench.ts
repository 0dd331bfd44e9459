/**
 * `npm run bench`: generated wrangler.toml files of about 100 to 50,000 lines, each measured
 * against the built server over stdio and against the raw parsers, printed as a table and a
 * summary line of the targets. Run `npm run build` first. `--sizes 100,1000` runs fewer sizes.
 * Not part of `npm test`: it takes a few minutes and its numbers depend on the machine.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateConfig } from "./bench/generate";
import { rawParseTimes } from "./bench/parsers";
import { formatTable, type SizeResult } from "./bench/report";
import { runServerScenario, type Rounds } from "./bench/scenario";
import { SERVER_PATH } from "./bench/server";
import { judge, summaryLine } from "./bench/targets";

const SIZES = [100, 1_000, 10_000, 50_000];

/** Fewer rounds for larger files keep the whole run within a few minutes on two cores. */
function roundsFor(lines: number): Rounds {
  return { edits: lines >= 50_000 ? 2 : 5, requests: 10, soak: 200 };
}

async function main(): Promise<void> {
  if (!existsSync(SERVER_PATH)) {
    console.error(`${SERVER_PATH} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  if (newestSource(resolve(__dirname, "../server/src")) > statSync(SERVER_PATH).mtimeMs) {
    console.warn("Note: server/src is newer than dist/server.js; `npm run build` to measure it.");
  }

  const sizes = sizesFromArgs() ?? SIZES;
  const results: SizeResult[] = [];
  for (const target of sizes) {
    const text = generateConfig(target);
    const lines = text.split("\n").length;
    console.error(`Measuring ~${target.toLocaleString("en-US")} lines…`);
    const parse = rawParseTimes(text);
    const server = await runServerScenario(text, roundsFor(target));
    results.push({ target, lines, bytes: Buffer.byteLength(text), parse, server });
  }

  console.log(`wrangler-bindings bench, node ${process.version}, ${new Date().toISOString()}`);
  console.log(formatTable(results));
  console.log(summaryLine(judge(results)));
}

function sizesFromArgs(): number[] | undefined {
  const at = process.argv.indexOf("--sizes");
  if (at < 0) return undefined;
  const sizes = (process.argv[at + 1] ?? "").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error("--sizes takes line counts separated by commas, such as 100,1000");
    process.exit(2);
  }
  return sizes;
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
