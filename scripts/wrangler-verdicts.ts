/**
 * Prints Wrangler's own verdict on every file of the real-world corpus: for the top level and
 * for each environment, the number of errors and warnings and their messages.
 *
 *   npx tsx scripts/wrangler-verdicts.ts [--json]
 *
 * CORPUS_DIR overrides the folder (default: ../shared/corpus/real next to the repository).
 */
import { readdirSync } from "node:fs";
import path from "node:path";

import {
  wranglerEnvironments,
  wranglerVerdict,
  type WranglerVerdict,
} from "../test/support/wrangler-oracle";

interface Messages {
  errors: string[];
  warnings: string[];
}

interface FileVerdicts {
  file: string;
  syntaxError?: WranglerVerdict["syntaxError"];
  /** Set when Wrangler failed in a way that is not a verdict on the file. */
  failure?: string;
  topLevel: Messages;
  /** Only what checking the environment adds to the top level's messages. */
  environments: Array<Messages & { name: string }>;
}

const corpusDir = path.resolve(
  process.env.CORPUS_DIR ?? path.join(import.meta.dirname, "..", "..", "shared", "corpus", "real"),
);
const files = readdirSync(corpusDir)
  .filter((name) => /\.(toml|jsonc?)(\.[^.]+)?$/.test(name))
  .sort();
const results = files.map((name) => verdictsOf(path.join(corpusDir, name)));

if (process.argv.includes("--json")) {
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
} else {
  process.stdout.write(results.map(describe).join("") + totals(results));
}

function verdictsOf(file: string): FileVerdicts {
  const result: FileVerdicts = {
    file: path.basename(file),
    topLevel: { errors: [], warnings: [] },
    environments: [],
  };
  try {
    const { syntaxError, errors, warnings } = wranglerVerdict(file);
    result.topLevel = { errors, warnings };
    if (syntaxError !== undefined) result.syntaxError = syntaxError;

    // Wrangler checks the top level along with the environment, and says it all again.
    for (const name of wranglerEnvironments(file)) {
      const env = wranglerVerdict(file, name);
      result.environments.push({
        name,
        errors: withoutAll(env.errors, errors),
        warnings: withoutAll(env.warnings, warnings),
      });
    }
  } catch (error) {
    result.failure = error instanceof Error ? error.message : String(error);
  }
  return result;
}

/** `messages` less one occurrence of each of `seen`. */
function withoutAll(messages: string[], seen: string[]): string[] {
  const left = [...messages];
  for (const message of seen) {
    const index = left.indexOf(message);
    if (index >= 0) left.splice(index, 1);
  }
  return left;
}

function describe(result: FileVerdicts): string {
  const lines = [result.file];
  if (result.failure !== undefined) lines.push(`  wrangler failed: ${result.failure}`);
  if (result.syntaxError !== undefined) {
    const { message, line, column } = result.syntaxError;
    lines.push(`  syntax error at line ${line}, column ${column + 1}: ${message}`);
  }
  lines.push(...section("top level", result.topLevel));
  for (const env of result.environments) {
    lines.push(...section(`env ${env.name} (beyond the top level)`, env));
  }
  return lines.join("\n") + "\n\n";
}

function section(title: string, { errors, warnings }: Messages): string[] {
  const indent = (text: string) => text.replaceAll("\n", "\n      ");
  return [
    `  ${title}: ${count(errors.length, "error")}, ${count(warnings.length, "warning")}`,
    ...errors.map((message) => `    error: ${indent(message)}`),
    ...warnings.map((message) => `    warning: ${indent(message)}`),
  ];
}

function totals(results: FileVerdicts[]): string {
  const environments = results.flatMap((result) => result.environments);
  const summary = [
    `${count(results.length, "file")}, ${count(environments.length, "environment")}`,
    `syntax errors: ${results.filter((result) => result.syntaxError !== undefined).length}`,
    `Wrangler failures: ${results.filter((result) => result.failure !== undefined).length}`,
    `top levels with errors: ${results.filter((result) => result.topLevel.errors.length).length}`,
    `environments with errors: ${environments.filter((env) => env.errors.length).length}`,
  ];
  return summary.join("\n") + "\n";
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
