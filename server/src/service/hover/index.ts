/**
 * Hover: what the key, header part or value under the pointer means to Wrangler, in Markdown,
 * each answer ending with a link to Cloudflare's documentation. Whitespace, comments and keys
 * the catalog does not know get no hover.
 */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver-types";
import type { FieldSpec } from "../../catalog/types";
import type { ConfigDocument, Span } from "../../syntax/model";
import type { ParsedConfig } from "../index";
import { interpret, locate, type Located, type PathStep } from "../locate";
import {
  configKeyHeader,
  describeConfigKey,
  describeField,
  describeKind,
  kindHeader,
} from "./describe";
import { bindingNamedAt, describeBindingName, describeEnvironment } from "./names";

type Format = ConfigDocument["format"];

interface Explained {
  readonly markdown: string;
  readonly span: Span;
}

export function hover(parsed: ParsedConfig, position: Position): Hover | null {
  const located = locate(parsed.document, parsed.lines.offsetAt(position));
  const explained = located && explain(parsed.document, located);
  if (!explained) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: explained.markdown },
    range: parsed.lines.rangeOf(explained.span),
  };
}

function explain(document: ConfigDocument, located: Located): Explained | undefined {
  // A position between the keys of a table, or between the items of an array, is on nothing.
  if (
    located.on === "value" &&
    (located.value.kind === "table" || located.value.kind === "array")
  ) {
    return undefined;
  }

  const named = located.on === "header" ? undefined : bindingNamedAt(document, located.span);
  if (named) return { markdown: describeBindingName(document, named), span: located.span };

  const environment = environmentNamed(located);
  if (environment !== undefined) {
    return { markdown: describeEnvironment(document, environment), span: located.span };
  }

  if (located.on === "header") {
    const kindPart = kindInHeader(located);
    if (kindPart) return kindPart;
  }
  return fromCatalog(located, document.format);
}

/** The environment whose name is under the position: `staging` in `[env.staging]`. */
function environmentNamed(located: Located): string | undefined {
  const [first, name, ...deeper] = located.path;
  if (located.on === "value" || first !== "env" || deeper.length > 0) return undefined;
  // `env.staging = 1` names no environment; Wrangler reports it, the hover stays quiet.
  if (located.on === "key" && located.entry.value.kind !== "table") return undefined;
  return typeof name === "string" ? name : undefined;
}

/**
 * Any part of a binding kind's key in a header explains the kind, so that `durable_objects` in
 * `[[durable_objects.bindings]]` does not describe the container table instead.
 */
function kindInHeader(located: Extract<Located, { on: "header" }>): Explained | undefined {
  const header = located.section.header!;
  const meaning = interpret(header.path);
  if (!meaning.kind) return undefined;
  const first = meaning.env === undefined ? 0 : 2;
  const last = first + meaning.kind.key.split(".").length - 1;
  if (located.segment < first || located.segment > last) return undefined;
  const span = { start: header.pathSpans[first]!.start, end: header.pathSpans[last]!.end };
  // Headers are TOML's alone: a JSON document has no sections.
  return { markdown: describeKind(meaning.kind, "toml"), span };
}

function fromCatalog(located: Located, format: Format): Explained | undefined {
  const meaning = interpret(located.path);
  const span = located.span;

  if (meaning.kind) {
    const below = meaning.scoped.slice(meaning.kind.key.split(".").length);
    const steps = fieldSteps(below);
    if (steps.length === 0) {
      if (located.on === "value") return undefined;
      return { markdown: describeKind(meaning.kind, format), span };
    }
    const field = fieldAt(meaning.kind.fields, steps);
    if (!field) return undefined;
    const owner = kindHeader(meaning.kind, format);
    const markdown = describeField(field, steps.join("."), owner, meaning.kind.docs, format);
    return { markdown, span };
  }

  const key = meaning.configKey;
  if (!key) return undefined;
  const steps = fieldSteps(meaning.scoped.slice(1));
  if (steps.length === 0) return { markdown: describeConfigKey(key, format), span };
  const field = fieldAt(key.fields ?? [], steps);
  if (!field) return undefined;
  const owner = configKeyHeader(key, format);
  return { markdown: describeField(field, steps.join("."), owner, key.docs, format), span };
}

/** The field names in a path below a kind or key; indexes into arrays of tables drop out. */
function fieldSteps(path: readonly PathStep[]): string[] {
  return path.filter((step): step is string => typeof step === "string");
}

/** Follows field names through nested tables: `outbound`, then its `service`. */
function fieldAt(fields: readonly FieldSpec[], steps: readonly string[]): FieldSpec | undefined {
  let field: FieldSpec | undefined;
  let current: readonly FieldSpec[] = fields;
  for (const step of steps) {
    field = current.find((candidate) => candidate.name === step);
    if (!field) return undefined;
    current = field.fields ?? [];
  }
  return field;
}
