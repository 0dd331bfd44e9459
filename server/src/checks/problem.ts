/**
 * What a check reports: a problem at a place in the document, with a stable code. Problems are
 * plain data in document offsets; the service turns them into LSP diagnostics.
 */
import type { Severity } from "../catalog/types";
import type { Span } from "../syntax/model";

/**
 * Every diagnostic code, with the one-line meaning the README documents. Codes are stable:
 * users filter on them and quick fixes key off them.
 */
export const DIAGNOSTIC_CODES = {
  "toml-syntax": "The text is not valid TOML; the rest of the file is still checked.",
  "json-syntax": "The text is not valid JSON (with comments); the rest is still checked.",
  "unknown-key": "A key Wrangler does not know at the top level or in an environment.",
  "unknown-field": "A field the binding kind or table does not have.",
  "wrong-shape": "A binding key written as a table where an array is needed, or the reverse.",
  "missing-field": "A field the binding needs is missing.",
  "wrong-type": "A value of the wrong type (a number where a string is needed…).",
  "empty-value": "An empty string where an id or name is needed.",
  "invalid-value": "A value outside what Wrangler or Cloudflare accepts (names, enumerations).",
  "over-limit": "A number beyond a limit Cloudflare publishes.",
  "field-requires": "A field that only works together with another one that is missing.",
  "field-conflict": "Two fields that cannot be used together.",
  "deprecated-field": "A field Wrangler still reads but has replaced.",
  "invalid-binding-name": "A binding name that is not a valid JavaScript identifier.",
  "duplicate-binding": "The same binding name twice in one environment.",
  "env-missing-kind": "A binding kind at the top level that an environment does not have.",
  "env-missing-binding": "A binding at the top level that an environment's list lacks.",
  "top-level-only": "A key that Wrangler only reads at the top level, written in an environment.",
  "removed-key": "A key that Wrangler 4 no longer accepts.",
  "legacy-key": "A key from an older Wrangler that is now ignored.",
  "misplaced-key": "A key that TOML puts inside the table above it, not where it was meant.",
  "missing-migration": "A Durable Object class that no migration introduces.",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface RelatedPlace {
  readonly span: Span;
  readonly message: string;
}

export interface Problem {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedPlace[];
  /** Set when the problem is about something out of date, so editors can strike it through. */
  readonly deprecated?: boolean;
  /** A replacement the user probably meant; quick fixes offer it. */
  readonly suggestion?: string;
}

/** Collects problems; checks call it instead of building objects by hand. */
export class Problems {
  readonly list: Problem[] = [];

  add(problem: Problem): void {
    this.list.push(problem);
  }

  error(code: DiagnosticCode, span: Span, message: string, extra?: Partial<Problem>): void {
    this.add({ code, severity: "error", span, message, ...extra });
  }

  warning(code: DiagnosticCode, span: Span, message: string, extra?: Partial<Problem>): void {
    this.add({ code, severity: "warning", span, message, ...extra });
  }
}
