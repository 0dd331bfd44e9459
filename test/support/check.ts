/**
 * Runs the language service's checks on an inline fixture and returns each diagnostic whole:
 * where it starts (line:column, from 1), the exact text its range covers, severity, code and
 * message. Comparing these lists asserts ranges exactly while reading like the fixture.
 */
import type { DiagnosticSeverity } from "vscode-languageserver-types";
import { diagnose, parseConfig } from "../../server/src/service";

export interface Reported {
  readonly at: string;
  readonly text: string;
  readonly severity: "error" | "warning" | "info" | "hint";
  readonly code: string;
  readonly message: string;
}

const SEVERITIES = ["", "error", "warning", "info", "hint"] as const;

export function report(text: string): Reported[] {
  const parsed = parseConfig(text);
  return diagnose(parsed, "file:///w/wrangler.toml").map((d) => {
    const start = parsed.lines.offsetAt(d.range.start);
    const end = parsed.lines.offsetAt(d.range.end);
    return {
      at: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      text: text.slice(start, end),
      severity: SEVERITIES[d.severity as DiagnosticSeverity] as Reported["severity"],
      code: String(d.code),
      message: typeof d.message === "string" ? d.message : d.message.value,
    };
  });
}

/** Joins lines with "\n": fixtures read as the file would. */
export function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}
