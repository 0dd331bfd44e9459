/**
 * Document symbols for the outline and the breadcrumbs: the top level's binding kinds with their
 * bindings, each environment with its own, and the other keys as properties. TOML lets the
 * entries of one kind be written far apart, so a symbol covers everything below it: its range
 * is widened to enclose its children, never the other way round.
 */
import { DocumentSymbol, SymbolKind } from "vscode-languageserver-types";
import { findKind, isContainerKey } from "../catalog";
import type { ConfigDocument, ConfigValue, Entry, Span, TableValue } from "../syntax/model";
import {
  bindingsIn,
  environmentsOf,
  type Binding,
  type Environment,
  type KindUse,
} from "./bindings";
import type { ParsedConfig } from "./index";

/** A symbol in offsets, before its ranges are widened and converted to positions. */
interface Outline {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  span: Span;
  readonly selection: Span;
  readonly children: Outline[];
}

export function documentSymbols(parsed: ParsedConfig): DocumentSymbol[] {
  const outline = outlineOf(parsed.document);
  outline.forEach(enclose);
  const toSymbol = (node: Outline): DocumentSymbol =>
    DocumentSymbol.create(
      node.name,
      node.detail,
      node.kind,
      parsed.lines.rangeOf(node.span),
      parsed.lines.rangeOf(node.selection),
      node.children.map(toSymbol),
    );
  return outline.map(toSymbol);
}

function outlineOf(document: ConfigDocument): Outline[] {
  const [top, ...named] = environmentsOf(document);
  const symbols = scope(top!, ["env"]);

  const env = document.root.entries.get("env");
  if (env?.value.kind === "table") {
    for (const entry of env.value.entries.values()) {
      const environment = named.find((candidate) => candidate.table === entry.value);
      symbols.push(environment ? environmentSymbol(environment, entry) : property(entry, "env."));
    }
  } else if (env) {
    symbols.push(property(env));
  }
  return byPosition(symbols);
}

function environmentSymbol(environment: Environment, entry: Entry): Outline {
  return {
    name: `env.${environment.name}`,
    detail: "environment",
    kind: SymbolKind.Module,
    span: union(entry.keySpan, entry.value.span),
    selection: entry.keySpan,
    children: scope(environment),
  };
}

/** The kinds and other keys of the top level or of one environment, but not those in `skip`. */
function scope(environment: Environment, skip: readonly string[] = []): Outline[] {
  const symbols = bindingsIn(environment).map(kindSymbol);

  for (const entry of environment.table.entries.values()) {
    if (skip.includes(entry.key) || findKind(entry.key)) continue;
    if (isContainerKey(entry.key) && entry.value.kind === "table") {
      // `durable_objects` and `queues` hold kinds; anything else in them is a plain key.
      symbols.push(...otherKeys(entry.value, `${entry.key}.`));
    } else {
      symbols.push(property(entry));
    }
  }
  return byPosition(symbols);
}

function otherKeys(container: TableValue, prefix: string): Outline[] {
  return [...container.entries.values()]
    .filter((entry) => !findKind(prefix + entry.key))
    .map((entry) => property(entry, prefix));
}

function kindSymbol(use: KindUse): Outline {
  const { kind, entry } = use;
  return {
    name: kind.key,
    detail: kind.title,
    kind: kind.shape === "array" ? SymbolKind.Array : SymbolKind.Namespace,
    span: union(entry.keySpan, entry.value.span),
    selection: entry.keySpan,
    children: use.bindings.map((binding, index) =>
      bindingSymbol(binding, `${kind.key}[${index}]`, pointedAt(use, binding)),
    ),
  };
}

/**
 * What a binding points at: its resource field's value, or a variable's own value. The
 * Bindings explorer shows the same beside each binding.
 */
export function pointedAt(use: KindUse, binding: Binding): string | undefined {
  const { kind, entry } = use;
  const value =
    kind.names.from === "keys"
      ? entry.value.kind === "table" && binding.name !== undefined
        ? entry.value.entries.get(binding.name)?.value
        : undefined
      : kind.resource
        ? binding.table?.entries.get(kind.resource)?.value
        : undefined;
  return value && scalarText(value);
}

function bindingSymbol(binding: Binding, position: string, pointsAt?: string): Outline {
  const name = binding.name || pointsAt || position;
  return {
    name,
    detail: name === pointsAt ? binding.kind.title : pointsAt,
    kind: binding.name ? SymbolKind.Variable : SymbolKind.Object,
    span: binding.span,
    selection: binding.nameSpan ?? binding.table?.header ?? binding.span,
    children: [],
  };
}

function property(entry: Entry, prefix = ""): Outline {
  return {
    // TOML allows an empty quoted key, but an editor refuses a symbol without a name.
    name: prefix + entry.key || '""',
    detail: scalarText(entry.value),
    kind: SymbolKind.Property,
    span: union(entry.keySpan, entry.value.span),
    selection: entry.keySpan,
    children: [],
  };
}

/** A scalar's value as the outline shows it; nothing for arrays and tables. */
function scalarText(value: ConfigValue): string | undefined {
  if (value.kind === "array" || value.kind === "table") return undefined;
  return String(value.value) || undefined;
}

/** Widens each symbol to enclose its selection and its children, depth first. */
function enclose(node: Outline): void {
  node.children.forEach(enclose);
  node.span = [node.selection, ...node.children.map((child) => child.span)].reduce(
    union,
    node.span,
  );
}

function union(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function byPosition(symbols: Outline[]): Outline[] {
  return symbols.sort((a, b) => a.span.start - b.span.start);
}
