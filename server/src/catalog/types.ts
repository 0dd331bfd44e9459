/**
 * The shape of the catalog: what Wrangler accepts in a Worker configuration, described once so
 * that validation, completion, hover, the Bindings explorer and "Add binding" all read the same
 * facts. Descriptions are ours, written for the person editing the file.
 */

export type Severity = "error" | "warning" | "info";

/** The kinds of value a configuration can hold, independent of TOML or JSON syntax. */
export type ValueType =
  "string" | "integer" | "number" | "boolean" | "array" | "table" | "datetime";

/** A value constraint Wrangler or Cloudflare imposes, with the severity we report it at. */
export interface PatternRule {
  readonly regex: RegExp;
  /** The rule in words, completing "must …": "be 3–63 characters of a-z, 0-9 and -". */
  readonly rule: string;
  readonly severity: Severity;
}

export interface RangeRule {
  readonly min?: number;
  readonly max?: number;
  readonly severity: Severity;
  /** Where the limit comes from, shown with the diagnostic ("Cloudflare's published limit"). */
  readonly source?: string;
}

/** One field of a binding entry or of a table-valued configuration key. */
export interface FieldSpec {
  readonly name: string;
  /** The accepted types; `number` also accepts integers. */
  readonly type: ValueType | readonly ValueType[];
  /** For arrays: the type every element must have. */
  readonly items?: ValueType;
  readonly required?: boolean;
  /**
   * Required unless the named field of the same entry is present (an error when both are
   * missing): a pipeline's `stream` may be given by the deprecated `pipeline` instead.
   */
  readonly requiredUnless?: string;
  /** One or two sentences in our own words. */
  readonly description: string;
  /** An enumeration; any other value is an error unless `valuesSeverity` says otherwise. */
  readonly values?: readonly (string | number)[];
  /**
   * The severity of a value outside `values`, when it is not an error: Wrangler passes some
   * enumerations (R2 and D1 jurisdictions) to the API unchecked, and their lists grow.
   */
  readonly valuesSeverity?: Severity;
  /** A string that must not be empty (resource ids). */
  readonly nonEmpty?: boolean;
  readonly pattern?: PatternRule;
  readonly range?: RangeRule;
  /** Another field of the same entry that must be present when this one is. */
  readonly requires?: string;
  /** Another field of the same entry that must not be present together with this one. */
  readonly conflictsWith?: string;
  /** Set when Wrangler still accepts the field but it has a replacement: says what to use. */
  readonly deprecated?: string;
  /** For table-valued fields, or arrays of tables (`items: "table"`): the fields of each table. */
  readonly fields?: readonly FieldSpec[];
  /** A value to suggest when the field is added by completion or "Add binding". */
  readonly example?: string | number | boolean;
  /**
   * What the value names, for completion to offer candidates and go to definition to find them:
   * `class` a class exported by the Worker's source (a Durable Object or Workflow class);
   * `worker` another Worker, by its `name`; `queue` a queue, which producers, consumers and
   * dead-letter settings of the same file also name; `environment` an environment of the Worker
   * that the entry's `worker` field names.
   */
  readonly refersTo?: FieldReference;
}

export type FieldReference = "class" | "worker" | "queue" | "environment";

/**
 * Where the names of a kind's bindings come from. Most kinds name each entry through a field
 * (`binding` or `name`); `[vars]` and the blob tables name them by their keys; `[secrets]` by a
 * list of strings; queue and tail consumers bind nothing.
 */
export type NameSource =
  | { readonly from: "field"; readonly field: string; readonly optional?: boolean }
  | { readonly from: "keys" }
  | { readonly from: "list"; readonly field: string }
  | { readonly from: "none" };

export interface BindingKind {
  /** The key path as written at the top level: `kv_namespaces`, `durable_objects.bindings`. */
  readonly key: string;
  /** `array`: `[[key]]` or `key = [{…}]`; `table`: `[key]` or `key = {…}`. */
  readonly shape: "array" | "table";
  /** Singular, for people: "KV namespace". */
  readonly title: string;
  /** One line, shown in completion lists. */
  readonly summary: string;
  /** A short paragraph, shown in hovers. */
  readonly description: string;
  readonly names: NameSource;
  /** Every known field of one entry, the name field included. */
  readonly fields: readonly FieldSpec[];
  /** The TypeScript type of `env.NAME` in `@cloudflare/workers-types`. */
  readonly runtimeType?: string;
  /**
   * The field naming what each entry points at on Cloudflare (`id`, `bucket_name`,
   * `class_name`, `service`): the outline shows its value beside the binding name, and names
   * an entry that has no binding name (a queue consumer by its `queue`).
   */
  readonly resource?: string;
  /** A path on developers.cloudflare.com, starting with `/`. */
  readonly docs: string;
  /**
   * The product icon (a codicon name such as `key` or `database`) the Bindings explorer shows
   * beside the kind; `kindIcon` supplies a generic one for kinds that do not choose.
   */
  readonly icon?: string;
  /** One of the eight kinds with first-class support everywhere. */
  readonly core?: boolean;
  /** Environments inherit it from the top level (Wrangler's exceptions to non-inheritance). */
  readonly inherited?: boolean;
  /** Wrangler accepts unknown fields in this kind's entries, and in tables nested in them. */
  readonly openFields?: boolean;
  /** It may only stand at the top level, not inside `[env.NAME]`. */
  readonly topLevelOnly?: boolean;
  /** Set when Wrangler still reads the kind but it has been replaced: says by what. */
  readonly deprecated?: string;
  /**
   * For kinds named by their keys (`[vars]`, `[text_blobs]`…): the types each value may have;
   * any other is an error (a TOML date in `[vars]`, a number in `[text_blobs]`).
   */
  readonly valueType?: ValueType | readonly ValueType[];
}

/** What became of a key that Wrangler no longer reads as it once did. */
export type KeyStatus =
  /** Wrangler refuses the file: an error saying what to do instead. */
  | { readonly removed: string }
  /** Wrangler ignores the key with a warning: a warning saying what replaced it. */
  | { readonly legacy: string };

/** A configuration key that is not a binding kind: `name`, `main`, `routes`, `migrations`… */
export interface ConfigKey {
  readonly name: string;
  readonly type: ValueType | readonly ValueType[];
  /** For arrays: the type every element must have. */
  readonly items?: ValueType;
  readonly description: string;
  readonly docs?: string;
  /** It may only stand at the top level, not inside `[env.NAME]`. */
  readonly topLevelOnly?: boolean;
  /** Environments inherit it from the top level when they do not set it. */
  readonly inherited?: boolean;
  /**
   * For tables: the fields known inside (binding kinds below it are found by key path); for
   * arrays of tables (`migrations`, `rules`): the fields of each entry.
   */
  readonly fields?: readonly FieldSpec[];
  /** For tables, or arrays of tables: Wrangler accepts any field inside (each entry). */
  readonly openFields?: boolean;
  /** A rule the value must follow, such as the Worker name's alphabet. */
  readonly pattern?: PatternRule;
  /** For tables of free keys (`alias`, `define`): the type every value must have. */
  readonly valueType?: ValueType | readonly ValueType[];
  readonly status?: KeyStatus;
  readonly example?: string | number | boolean;
}
