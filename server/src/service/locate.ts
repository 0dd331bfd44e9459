/**
 * What stands at a position, for the features that answer about one place (hover, go to
 * definition, quick fixes): a part of a table header, a key, or a value, with its path from
 * the top of the document, and what that path means in Wrangler's terms.
 */
import { findConfigKey, findKind } from "../catalog";
import type { BindingKind, ConfigKey, FieldSpec } from "../catalog/types";
import type { ConfigDocument, ConfigValue, Entry, Section, Span } from "../syntax/model";

/** A step from a table or an array to what it holds: a key, or an index. */
export type PathStep = string | number;

export type Located =
  | {
      readonly on: "header";
      readonly section: Section;
      /** Which part of the header's dotted key the position is on. */
      readonly segment: number;
      /** The path of that part; for the last part of `[[k]]`, down to the item it opens. */
      readonly path: readonly PathStep[];
      readonly span: Span;
    }
  | {
      readonly on: "key";
      readonly path: readonly PathStep[];
      readonly entry: Entry;
      readonly span: Span;
    }
  | {
      readonly on: "value";
      readonly path: readonly PathStep[];
      readonly value: ConfigValue;
      readonly span: Span;
    };

const contains = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

export function locate(document: ConfigDocument, offset: number): Located | undefined {
  const section = document.sections.find((s) => s.header && contains(s.header.span, offset));
  if (section?.header) return onHeader(document, section, offset);
  return within(document.root, [], offset);
}

function onHeader(document: ConfigDocument, section: Section, offset: number): Located {
  const header = section.header!;
  let segment = header.pathSpans.findIndex((span) => contains(span, offset));
  if (segment < 0) segment = header.path.length - 1;
  const path: PathStep[] = header.path.slice(0, segment + 1);

  if (header.array && segment === header.path.length - 1) {
    const entry = entryAtPath(document.root, path);
    if (entry?.value.kind === "array") {
      const index = entry.value.items.findIndex(
        (item) => item.kind === "table" && item.header?.start === header.span.start,
      );
      if (index >= 0) path.push(index);
    }
  }
  return { on: "header", section, segment, path, span: header.pathSpans[segment] ?? header.span };
}

function within(value: ConfigValue, path: PathStep[], offset: number): Located | undefined {
  if (value.kind === "table") {
    for (const entry of value.entries.values()) {
      const here = [...path, entry.key];
      if (contains(entry.keySpan, offset))
        return { on: "key", path: here, entry, span: entry.keySpan };
      if (contains(entry.value.span, offset)) {
        return (
          within(entry.value, here, offset) ?? {
            on: "value",
            path: here,
            value: entry.value,
            span: entry.value.span,
          }
        );
      }
    }
    return undefined;
  }
  if (value.kind === "array") {
    for (const [i, item] of value.items.entries()) {
      if (!contains(item.span, offset)) continue;
      return (
        within(item, [...path, i], offset) ?? {
          on: "value",
          path: [...path, i],
          value: item,
          span: item.span,
        }
      );
    }
    return undefined;
  }
  return { on: "value", path, value, span: value.span };
}

/** Follows a path of keys and indexes from a table to the entry holding its last key. */
export function entryAtPath(root: ConfigValue, path: readonly PathStep[]): Entry | undefined {
  let current: ConfigValue | undefined = root;
  let entry: Entry | undefined;
  for (const step of path) {
    if (typeof step === "number") {
      current = current?.kind === "array" ? current.items[step] : undefined;
      continue;
    }
    entry = current?.kind === "table" ? current.entries.get(step) : undefined;
    current = entry?.value;
  }
  return entry;
}

/** What a path means to Wrangler. */
export interface PathMeaning {
  /** The named environment the path is in; undefined at the top level. */
  readonly env?: string;
  /** The path below the environment (or the top level). */
  readonly scoped: readonly PathStep[];
  /** The binding kind the path is in, and which of its entries. */
  readonly kind?: BindingKind;
  readonly entryIndex?: number;
  /** The field of the binding entry, or of the configuration key, the path is in. */
  readonly field?: FieldSpec;
  /** The non-binding configuration key the path is in. */
  readonly configKey?: ConfigKey;
}

export function interpret(path: readonly PathStep[]): PathMeaning {
  const inEnv = path[0] === "env" && typeof path[1] === "string";
  const env = inEnv ? (path[1] as string) : undefined;
  const scoped = inEnv ? path.slice(2) : path;

  const names = scoped.filter((step): step is string => typeof step === "string");
  for (const length of [2, 1]) {
    const kind = findKind(names.slice(0, length).join("."));
    if (!kind || names.length < length) continue;
    const rest = scoped.slice(scoped.indexOf(names[length - 1]!) + 1);
    const entryIndex = kind.shape === "array" && typeof rest[0] === "number" ? rest[0] : undefined;
    const fieldName = rest.find((step): step is string => typeof step === "string");
    const field = kind.fields.find((f) => f.name === fieldName);
    return { env, scoped, kind, entryIndex, field };
  }

  const configKey = typeof scoped[0] === "string" ? findConfigKey(scoped[0]) : undefined;
  const fieldName = scoped.slice(1).find((step): step is string => typeof step === "string");
  const field = configKey?.fields?.find((f) => f.name === fieldName);
  return { env, scoped, configKey, field };
}
