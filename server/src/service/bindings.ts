/**
 * What a Worker configuration binds, environment by environment, read from the model through
 * the catalog. The checks read it for names, inheritance and migrations; the Bindings explorer
 * shows it. It tolerates broken shapes: anything that is not where a binding should be is
 * skipped here (the checks report it).
 */
import { bindingKinds } from "../catalog";
import type { BindingKind } from "../catalog/types";
import {
  entryAt,
  isArray,
  isTable,
  type ConfigValue,
  type Entry,
  type Span,
  type TableValue,
} from "../syntax/model";
import type { ConfigDocument } from "../syntax/model";

/** The top level (no name) or one `[env.NAME]`. */
export interface Environment {
  readonly name?: string;
  readonly table: TableValue;
  /** Where the environment is named: `staging` in its first header or dotted key. */
  readonly keySpan?: Span;
}

export interface Binding {
  readonly kind: BindingKind;
  /** The binding name, as `env.NAME` reaches it; absent for consumers and unnamed entries. */
  readonly name?: string;
  readonly nameSpan?: Span;
  /** The entry's own table, for kinds whose entries are tables. */
  readonly table?: TableValue;
  /** The whole entry (or, for `[vars]` and `[secrets]`, the one variable or secret). */
  readonly span: Span;
}

/** One binding kind as used in one environment. */
export interface KindUse {
  readonly kind: BindingKind;
  /** The key holding the kind in this environment (`kv_namespaces`, `bindings` below DOs). */
  readonly entry: Entry;
  readonly bindings: readonly Binding[];
}

export function environmentsOf(document: ConfigDocument): Environment[] {
  const environments: Environment[] = [{ table: document.root }];
  const env = document.root.entries.get("env");
  if (env && isTable(env.value)) {
    for (const [name, entry] of env.value.entries) {
      if (isTable(entry.value)) {
        environments.push({ name, table: entry.value, keySpan: entry.keySpan });
      }
    }
  }
  return environments;
}

/** Each kind's key as a path (`durable_objects.bindings`), split once. */
const kindPaths = new Map(bindingKinds.map((kind) => [kind, kind.key.split(".")]));

export function bindingsIn(environment: Environment): KindUse[] {
  const uses: KindUse[] = [];
  for (const kind of bindingKinds) {
    const entry = entryAt(environment.table, kindPaths.get(kind)!);
    if (entry) uses.push({ kind, entry, bindings: readBindings(kind, entry) });
  }
  return uses;
}

/**
 * The bindings read from each value, while it is the same object: a value of the model does not
 * change once built (after a keystroke, the tables and arrays on the way to it are new ones),
 * and these bindings hold only the model's own spans, which move with their section.
 */
const readFrom = new WeakMap<
  object,
  { readonly kind: BindingKind; readonly bindings: Binding[] }
>();

function readBindings(kind: BindingKind, entry: Entry): Binding[] {
  const value = entry.value;
  // Variables' spans are made here, from the key's start to the value's end: not kept.
  if (kind.names.from === "keys") return readBindingsOf(kind, value);
  const known = readFrom.get(value);
  if (known?.kind === kind) return known.bindings;
  const bindings = readBindingsOf(kind, value);
  readFrom.set(value, { kind, bindings });
  return bindings;
}

function readBindingsOf(kind: BindingKind, value: ConfigValue): Binding[] {
  const names = kind.names;

  if (names.from === "keys") {
    if (!isTable(value)) return [];
    return [...value.entries.values()].map((variable) => ({
      kind,
      name: variable.key,
      nameSpan: variable.keySpan,
      span: { start: variable.keySpan.start, end: variable.value.span.end },
    }));
  }

  if (names.from === "list") {
    const list = isTable(value) ? value.entries.get(names.field)?.value : undefined;
    if (!isArray(list)) return [];
    return list.items.flatMap((item) =>
      item.kind === "string"
        ? [{ kind, name: item.value, nameSpan: item.span, span: item.span }]
        : [],
    );
  }

  const tables = kind.shape === "array" ? (isArray(value) ? value.items : []) : [value];
  return tables.filter(isTable).map((table) => {
    const nameValue = names.from === "field" ? table.entries.get(names.field)?.value : undefined;
    if (nameValue?.kind !== "string") return { kind, table, span: table.span };
    return { kind, table, name: nameValue.value, nameSpan: nameValue.span, span: table.span };
  });
}
