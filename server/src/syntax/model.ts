/**
 * The model of a Worker configuration that every feature reads. It is independent of the
 * syntax: TOML builds it today, JSON can build the same values tomorrow, and the checks, the
 * catalog and the editor features never see the parser behind it. Every node keeps where it
 * was written, as UTF-16 offsets into the document text (the unit LSP positions count in).
 */

/** A stretch of the document: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type ConfigValue = ScalarValue | ArrayValue | TableValue;

export interface StringValue {
  readonly kind: "string";
  readonly value: string;
  readonly span: Span;
}

export interface IntegerValue {
  readonly kind: "integer";
  readonly value: number;
  readonly span: Span;
}

export interface FloatValue {
  readonly kind: "float";
  readonly value: number;
  readonly span: Span;
}

export interface BooleanValue {
  readonly kind: "boolean";
  readonly value: boolean;
  readonly span: Span;
}

/** A TOML date, time or date-time, kept as written (Wrangler has no use for them). */
export interface DateTimeValue {
  readonly kind: "datetime";
  readonly value: string;
  readonly span: Span;
}

export type ScalarValue = StringValue | IntegerValue | FloatValue | BooleanValue | DateTimeValue;

/**
 * How an array was written: `inline` as `[a, b]`, `tables` as a series of `[[key]]` headers.
 * Edits keep the user's form, so the model remembers it.
 */
export interface ArrayValue {
  readonly kind: "array";
  readonly form: "inline" | "tables";
  readonly items: ConfigValue[];
  span: Span;
}

/**
 * How a table came to be: `root` is the document; `header` a `[key]` header (or one item of a
 * `[[key]]` series); `implicit` a table only named on the way to a deeper header
 * (`env` in `[env.staging]`); `dotted` one made by a dotted key (`a.b = 1`); `inline` a
 * `{ … }` value; `object` a JSON object.
 */
export type TableForm = "root" | "header" | "implicit" | "dotted" | "inline" | "object";

export interface TableValue {
  readonly kind: "table";
  form: TableForm;
  readonly entries: Map<string, Entry>;
  /** From the header (or first mention) to the end of the last key written in the table. */
  span: Span;
  /** For `header` tables: the whole header line's brackets and key, `[[env.x.kv_namespaces]]`. */
  header?: Span;
}

/** A key of a table with its value. */
export interface Entry {
  readonly key: string;
  /**
   * Where the key is written. For a table named by headers this is its segment in the first
   * header that names it (`kv_namespaces` in `[[env.staging.kv_namespaces]]`).
   */
  readonly keySpan: Span;
  value: ConfigValue;
}

/** A problem found while reading the text, before any Wrangler rule is applied. */
export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
  /** Where an earlier definition stands, for "defined twice" problems. */
  readonly related?: Span;
  /** Problems the file's reader tolerates (a JSON property given twice) are warnings. */
  readonly tolerated?: boolean;
}

/**
 * A key written directly under a table header (or before the first header), as the TOML
 * layout puts it. The scoping checks read this: TOML gives no sign that a key after `[vars]`
 * is a variable rather than a top-level setting.
 */
export interface SectionKey {
  /** The dotted key as written, split into its parts. */
  readonly path: readonly string[];
  readonly span: Span;
}

export interface Section {
  /** Absent for the keys before the first header. */
  readonly header?: {
    readonly path: readonly string[];
    /** Where each part of the path is written, `staging` in `[env.staging.vars]`. */
    readonly pathSpans: readonly Span[];
    readonly array: boolean;
    readonly span: Span;
  };
  readonly span: Span;
  readonly keys: readonly SectionKey[];
  /** Comment lines inside the section that look like a table header someone commented out. */
  readonly commentedHeaders: readonly { readonly path: readonly string[]; readonly span: Span }[];
}

export interface ConfigDocument {
  readonly format: "toml" | "json";
  readonly text: string;
  readonly root: TableValue;
  readonly problems: readonly SyntaxProblem[];
  /** The TOML layout; empty for JSON, where nesting is explicit. */
  readonly sections: readonly Section[];
}

export function isTable(value: ConfigValue | undefined): value is TableValue {
  return value?.kind === "table";
}

export function isArray(value: ConfigValue | undefined): value is ArrayValue {
  return value?.kind === "array";
}

/** Follows a path of keys from a table; undefined when any step is missing or not a table. */
export function entryAt(table: TableValue, path: readonly string[]): Entry | undefined {
  let current: TableValue = table;
  for (let i = 0; i < path.length; i++) {
    const entry = current.entries.get(path[i]!);
    if (!entry || i === path.length - 1) return entry;
    if (!isTable(entry.value)) return undefined;
    current = entry.value;
  }
  return undefined;
}
