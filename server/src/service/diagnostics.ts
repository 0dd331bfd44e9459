/**
 * Turns the checks' problems into LSP diagnostics: ranges from offsets, severities, the stable
 * code, and related places in the same file.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver-types";
import type { Severity } from "../catalog/types";
import type { Problem } from "../checks/problem";
import type { LineIndex } from "./positions";

/** The `source` of every diagnostic, and the prefix of everything user-facing. */
export const DIAGNOSTIC_SOURCE = "wrangler-bindings";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for quick fixes. */
export interface DiagnosticData {
  readonly suggestion?: string;
}

export function toDiagnostic(problem: Problem, lines: LineIndex, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(problem.span),
    severity: SEVERITIES[problem.severity],
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.map((place) => ({
      location: { uri, range: lines.rangeOf(place.span) },
      message: place.message,
    }));
  }
  if (problem.deprecated) diagnostic.tags = [DiagnosticTag.Deprecated];
  if (problem.suggestion)
    diagnostic.data = { suggestion: problem.suggestion } satisfies DiagnosticData;
  return diagnostic;
}
