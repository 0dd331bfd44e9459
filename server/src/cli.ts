/**
 * `wrangler-bindings check [--format json] FILE...`: the language service's checks from the
 * command line, for CI. Prints one line per problem (`file:line:col severity code message`),
 * or, with `--format json`, `[{ "file", "diagnostics" }]` with LSP diagnostics. Exits 1 when
 * any error is found, 2 when the command itself cannot run, 0 otherwise.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { diagnose, formatOf, parseConfig } from "./service";

const USAGE = `Usage: wrangler-bindings check [--format text|json] FILE...

Checks the bindings of Cloudflare Workers configuration files (wrangler.toml, wrangler.json,
wrangler.jsonc) in every environment. Exits 1 when an error is found, 0 otherwise.`;

interface FileResult {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
}

function main(args: readonly string[]): number {
  if (args[0] === "--help" || args[0] === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args[0] !== "check") return usageError(`unknown command "${args[0] ?? ""}"`);

  let format = "text";
  const files: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--format") format = args[++i] ?? "";
    else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
    else if (arg.startsWith("-")) return usageError(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (format !== "text" && format !== "json") return usageError(`unknown format "${format}"`);
  if (files.length === 0) return usageError("no file to check");

  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      process.stderr.write(`wrangler-bindings: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    const uri = pathToFileURL(resolve(file)).href;
    results.push({ file, diagnostics: diagnose(parseConfig(text, undefined, formatOf(uri)), uri) });
  }

  process.stdout.write(
    format === "json" ? `${JSON.stringify(results, null, 2)}\n` : asText(results),
  );
  const failed = results.some((r) =>
    r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error),
  );
  return failed ? 1 : 0;
}

const SEVERITY_WORDS: Record<number, string> = {
  [DiagnosticSeverity.Error]: "error",
  [DiagnosticSeverity.Warning]: "warning",
  [DiagnosticSeverity.Information]: "info",
  [DiagnosticSeverity.Hint]: "hint",
};

function asText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const { line, character } = d.range.start;
      const severity = SEVERITY_WORDS[d.severity ?? DiagnosticSeverity.Error];
      lines.push(`${file}:${line + 1}:${character + 1} ${severity} ${d.code} ${d.message}`);
    }
  }
  const count = (severity: DiagnosticSeverity) =>
    results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  const errors = count(DiagnosticSeverity.Error);
  const warnings = count(DiagnosticSeverity.Warning);
  lines.push(`${results.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).`);
  return `${lines.join("\n")}\n`;
}

function usageError(message: string): number {
  process.stderr.write(`wrangler-bindings: ${message}\n\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
