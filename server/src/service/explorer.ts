/**
 * The Bindings explorer's data for one Worker configuration: its environments (the top level
 * first), the binding kinds each uses in catalog order, and their bindings, each with where it
 * is written, what it points at, a tooltip and the problems on it. It walks the configuration
 * as the outline does (bindings.ts) and only adds what the tree shows.
 */
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { docsUrl, kindIcon } from "../catalog";
import type { BindingNode, EnvironmentNode, KindNode, ProblemLevel, WorkerNode } from "../protocol";
import type { ConfigDocument, ConfigValue, Span } from "../syntax/model";
import {
  bindingsIn,
  environmentsOf,
  type Binding,
  type Environment,
  type KindUse,
} from "./bindings";
import type { ParsedConfig } from "./index";
import type { LineIndex } from "./positions";
import { pointedAt } from "./symbols";

/** A diagnostic the tree shows, with its place in offsets so it can be matched to the model. */
interface Problem {
  readonly level: ProblemLevel;
  readonly message: string;
  readonly span: Span;
}

interface EnvironmentUse {
  readonly environment: Environment;
  readonly kinds: readonly KindUse[];
}

/** The tree of one configuration; `diagnostics` are its current ones, as `diagnose` gives them. */
export function workerNode(
  parsed: ParsedConfig,
  uri: string,
  diagnostics: readonly Diagnostic[],
): WorkerNode {
  const problems = diagnostics.flatMap((diagnostic) => problemOf(diagnostic, parsed.lines));
  const uses = environmentsOf(parsed.document).map((environment) => ({
    environment,
    kinds: bindingsIn(environment),
  }));

  const owners = new Map(problems.map((p) => [p, ownerOf(p, uses, parsed.document)] as const));

  const environments = uses.map((use): EnvironmentNode => {
    const { name, keySpan } = use.environment;
    const level = worst(problems.filter((problem) => owners.get(problem) === use));
    return {
      ...(name !== undefined && { name }),
      ...(keySpan && { range: parsed.lines.rangeOf(keySpan) }),
      kinds: use.kinds.map((kind) => kindNode(kind, parsed.lines, problems)),
      ...(level && { level }),
    };
  });

  const name = parsed.document.root.entries.get("name")?.value;
  const level = worst(problems);
  return {
    uri,
    ...(name?.kind === "string" && name.value && { name: name.value }),
    environments,
    ...(level && { level }),
  };
}

function kindNode(use: KindUse, lines: LineIndex, problems: readonly Problem[]): KindNode {
  const { kind, entry } = use;
  return {
    key: kind.key,
    title: kind.title,
    core: kind.core === true,
    icon: kindIcon(kind),
    docs: docsUrl(kind.docs),
    range: lines.rangeOf(entry.keySpan),
    bindings: use.bindings.map((binding, index) =>
      bindingNode(use, binding, index, lines, problems),
    ),
  };
}

function bindingNode(
  use: KindUse,
  binding: Binding,
  index: number,
  lines: LineIndex,
  problems: readonly Problem[],
): BindingNode {
  // `[secrets]` only lists names: the value is set elsewhere, so the tree just says what it is.
  const description = use.kind.names.from === "list" ? "secret" : pointedAt(use, binding);
  const label = binding.name || description || `${use.kind.key}[${index}]`;
  return {
    label,
    ...(binding.name !== undefined && { name: binding.name }),
    ...(description !== undefined && { description }),
    tooltip: tooltip(use, binding, label),
    range: lines.rangeOf(binding.span),
    selectionRange: lines.rangeOf(binding.nameSpan ?? binding.table?.header ?? binding.span),
    index,
    problems: problems
      .filter((problem) => within(problem.span, binding.span))
      .map(({ level, message }) => ({ level, message })),
  };
}

/** Markdown: the binding and its kind, every field of the entry as written, the docs link. */
function tooltip(use: KindUse, binding: Binding, label: string): string {
  const { kind, entry } = use;
  const variable =
    kind.names.from === "keys" && entry.value.kind === "table" && binding.name !== undefined
      ? entry.value.entries.get(binding.name)
      : undefined;
  const fields = binding.table ? [...binding.table.entries.values()] : variable ? [variable] : [];
  const assignments = fields.map((field) => `${keyText(field.key)} = ${valueText(field.value)}`);

  return [
    `**${escapeMarkdown(label)}** · ${kind.title}`,
    ...(assignments.length > 0 ? [fenced(assignments.map(shortened).join("\n"))] : []),
    `[${kind.title} documentation](${docsUrl(kind.docs)})`,
  ].join("\n\n");
}

/** A value in TOML's inline syntax, whichever format the file is in. */
function valueText(value: ConfigValue): string {
  switch (value.kind) {
    case "string":
      return JSON.stringify(value.value);
    case "array":
      return `[${value.items.map(valueText).join(", ")}]`;
    case "table": {
      const fields = [...value.entries.values()];
      if (fields.length === 0) return "{}";
      return `{ ${fields.map((field) => `${keyText(field.key)} = ${valueText(field.value)}`).join(", ")} }`;
    }
    default:
      return String(value.value);
  }
}

function keyText(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** A tooltip line stays readable: a long inline table is cut rather than wrapped. */
function shortened(line: string): string {
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** A TOML code block whose fence no backtick run in the text can close early. */
function fenced(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}toml\n${text}\n${fence}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, "\\$&");
}

/** Errors and warnings are decorated; information and hints are not problems in the tree. */
function problemOf(diagnostic: Diagnostic, lines: LineIndex): Problem[] {
  const severity = diagnostic.severity ?? DiagnosticSeverity.Error;
  if (severity > DiagnosticSeverity.Warning) return [];
  const level = severity === DiagnosticSeverity.Error ? "error" : "warning";
  const { start, end } = diagnostic.range;
  const span = { start: lines.offsetAt(start), end: lines.offsetAt(end) };
  // LSP 3.18 lets a message be markdown; ours are plain, but the tree takes either.
  const { message } = diagnostic;
  return [{ level, message: typeof message === "string" ? message : message.value, span }];
}

/**
 * The environment a problem belongs to: the named one that wrote what the problem starts on, or
 * whose TOML section it stands in (a half-typed line is in no table); else the top level. An
 * environment's span will not do: TOML lets a file interleave them (`[env.staging]`, then
 * `[[kv_namespaces]]` at the top level, then `[env.staging.vars]`).
 */
function ownerOf(
  problem: Problem,
  uses: readonly EnvironmentUse[],
  document: ConfigDocument,
): EnvironmentUse {
  const offset = problem.span.start;
  const section = document.sections.find((candidate) => contains(candidate.span, offset));
  const header = section?.header?.path;
  const named = uses.slice(1).find(({ environment }) => {
    const { name, keySpan, table } = environment;
    if (keySpan && contains(keySpan, offset)) return true;
    return writes(table, offset) || (header?.[0] === "env" && header[1] === name);
  });
  return named ?? uses[0]!;
}

/** Whether an offset falls on something written as part of the value: a key, a scalar, a header. */
function writes(value: ConfigValue, offset: number): boolean {
  switch (value.kind) {
    case "array":
      if (value.form === "inline") return contains(value.span, offset);
      return value.items.some((item) => writes(item, offset));
    case "table":
      // Inline tables and JSON objects are written in one piece; header tables can be scattered.
      if (value.form === "inline" || value.form === "object") return contains(value.span, offset);
      if (value.header && contains(value.header, offset)) return true;
      return [...value.entries.values()].some(
        (entry) => contains(entry.keySpan, offset) || writes(entry.value, offset),
      );
    default:
      return contains(value.span, offset);
  }
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function worst(problems: readonly Problem[]): ProblemLevel | undefined {
  if (problems.some((problem) => problem.level === "error")) return "error";
  return problems.length > 0 ? "warning" : undefined;
}
