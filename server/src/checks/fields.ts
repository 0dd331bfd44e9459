/**
 * Checks one table against the fields the catalog gives it: a binding entry, a table-valued
 * key such as `[observability]`, or a nested table such as a dispatch namespace's `outbound`.
 */
import type { FieldSpec, ValueType } from "../catalog/types";
import type { ConfigValue, Entry, TableValue } from "../syntax/model";
import type { CheckContext } from "./context";
import type { Problem } from "./problem";
import { closest } from "./suggest";

export interface TableRules {
  readonly fields: readonly FieldSpec[];
  /** Wrangler accepts any other field without a word. */
  readonly open?: boolean;
  /** How the table is named in messages: `kv_namespaces[1]`, `env.staging.observability`. */
  readonly label: string;
  /** Entries another check handles (binding kinds nested in a container table). */
  readonly skip?: (entry: Entry) => boolean;
}

/** What checking a table found, kept while the table is the same object (see `memo.ts`). */
interface Checked {
  readonly rules: TableRules;
  readonly format: string;
  readonly problems: readonly Problem[];
}

/**
 * The tables of a section are the same objects from one keystroke to the next while the section
 * is unchanged, and a binding entry's problems all point into its own section, so they move
 * with it: a large file's thousands of entries are not checked again after every keystroke.
 * A table with a key the scoping check explained is always checked: that depends on more.
 */
const checked = new WeakMap<TableValue, Checked>();

export function checkTable(context: CheckContext, table: TableValue, rules: TableRules): void {
  let explained = false;
  for (const entry of table.entries.values()) explained ||= context.isMisplaced(entry);
  const format = context.document.format;
  const last = explained || rules.skip ? undefined : checked.get(table);
  if (
    last &&
    last.rules.label === rules.label &&
    last.rules.fields === rules.fields &&
    last.rules.open === rules.open &&
    last.format === format
  ) {
    for (const problem of last.problems) context.problems.add(problem);
    return;
  }
  const from = context.problems.list.length;
  checkFields(context, table, rules);
  if (explained || rules.skip) return void checked.delete(table);
  checked.set(table, { rules, format, problems: context.problems.list.slice(from) });
}

function checkFields(context: CheckContext, table: TableValue, rules: TableRules): void {
  const specs = specsOf(rules.fields);

  for (const entry of table.entries.values()) {
    if (rules.skip?.(entry)) continue;
    const spec = specs.get(entry.key);
    if (spec) checkField(context, table, entry, spec, rules);
    else if (!rules.open && !context.isMisplaced(entry)) unknownField(context, entry, rules);
  }

  for (const spec of rules.fields) {
    if (table.entries.has(spec.name)) continue;
    const alternative = spec.requiredUnless;
    if (spec.required || (alternative && !table.entries.has(alternative))) {
      const or = alternative ? ` (or "${alternative}")` : "";
      context.problems.error(
        "missing-field",
        table.header ?? table.span,
        `${rules.label} is missing the required field "${spec.name}"${or}.`,
      );
    }
  }
}

const specsByName = new WeakMap<readonly FieldSpec[], Map<string, FieldSpec>>();

function specsOf(fields: readonly FieldSpec[]): Map<string, FieldSpec> {
  let specs = specsByName.get(fields);
  if (!specs) {
    specs = new Map(fields.map((spec) => [spec.name, spec]));
    specsByName.set(fields, specs);
  }
  return specs;
}

function unknownField(context: CheckContext, entry: Entry, rules: TableRules): void {
  const suggestion = closest(
    entry.key,
    rules.fields.map((spec) => spec.name),
  );
  const hint = suggestion
    ? ` Did you mean "${suggestion}"?`
    : ` Known fields: ${fieldList(rules)}.`;
  context.problems.warning(
    "unknown-field",
    entry.keySpan,
    `${rules.label} has no field "${entry.key}"; Wrangler ignores it.${hint}`,
    suggestion ? { suggestion } : undefined,
  );
}

function fieldList(rules: TableRules): string {
  return rules.fields.map((spec) => spec.name).join(", ");
}

function checkField(
  context: CheckContext,
  table: TableValue,
  entry: Entry,
  spec: FieldSpec,
  rules: TableRules,
): void {
  const where = `${rules.label}.${entry.key}`;
  const problems = context.problems;

  if (spec.deprecated) {
    problems.warning(
      "deprecated-field",
      entry.keySpan,
      `${where} is deprecated: ${spec.deprecated}`,
      {
        deprecated: true,
      },
    );
  }
  if (spec.requires && !table.entries.has(spec.requires)) {
    problems.error(
      "field-requires",
      entry.keySpan,
      `${where} only applies together with "${spec.requires}", which is missing.`,
    );
  }
  if (spec.conflictsWith && table.entries.has(spec.conflictsWith)) {
    problems.error(
      "field-conflict",
      entry.keySpan,
      `${where} cannot be used together with "${spec.conflictsWith}": keep one of the two.`,
      {
        related: [
          { span: table.entries.get(spec.conflictsWith)!.keySpan, message: "the other one" },
        ],
      },
    );
  }
  checkValue(context, entry.value, spec, where, rules.open);
}

/** What a value must be: the part of a field spec that a top-level key shares. */
export type ValueSpec = Pick<FieldSpec, "type" | "items" | "fields"> & Partial<FieldSpec>;

/**
 * Checks a value against its spec: type, element types, constraints, and the fields of a table
 * or of each table in an array. `open` (a kind or key Wrangler leaves open) carries down.
 */
export function checkValue(
  context: CheckContext,
  value: ConfigValue,
  spec: ValueSpec,
  where: string,
  open?: boolean,
  skip?: (entry: Entry) => boolean,
): void {
  if (!checkType(context, value, spec.type, where)) return;
  if (spec.items && value.kind === "array") {
    value.items.forEach((item, i) => checkType(context, item, spec.items!, `${where}[${i}]`));
  }
  checkConstraints(context, value, spec, where);
  if (!spec.fields) return;
  if (value.kind === "table") {
    checkTable(context, value, { fields: spec.fields, open, label: where, skip });
  } else if (value.kind === "array") {
    value.items.forEach((item, i) => {
      if (item.kind === "table") {
        checkTable(context, item, { fields: spec.fields!, open, label: `${where}[${i}]` });
      }
    });
  }
}

function checkConstraints(
  context: CheckContext,
  value: ConfigValue,
  spec: ValueSpec,
  where: string,
): void {
  const problems = context.problems;

  if (value.kind === "string") {
    if (spec.nonEmpty && value.value.trim() === "") {
      problems.error("empty-value", value.span, `${where} must not be empty.`);
      return;
    }
    if (spec.pattern && !spec.pattern.regex.test(value.value)) {
      problems.add({
        code: "invalid-value",
        severity: spec.pattern.severity,
        span: value.span,
        message: `${where} must ${spec.pattern.rule}; "${value.value}" does not.`,
      });
    }
  }

  if (
    spec.values &&
    (value.kind === "string" || value.kind === "integer" || value.kind === "float")
  ) {
    if (!spec.values.includes(value.value)) {
      const choices = spec.values.map((choice) => JSON.stringify(choice)).join(", ");
      const suggestion =
        typeof value.value === "string" ? closest(value.value, spec.values.map(String)) : undefined;
      problems.add({
        code: "invalid-value",
        severity: spec.valuesSeverity ?? "error",
        span: value.span,
        message: `${where} must be one of ${choices}.`,
        ...(suggestion && { suggestion }),
      });
    }
  }

  const range = spec.range;
  if (range && (value.kind === "integer" || value.kind === "float")) {
    const tooLow = range.min !== undefined && value.value < range.min;
    const tooHigh = range.max !== undefined && value.value > range.max;
    if (tooLow || tooHigh) {
      const bound = tooHigh ? `at most ${range.max}` : `at least ${range.min}`;
      const source = range.source ? ` (${range.source})` : "";
      problems.add({
        code: "over-limit",
        severity: range.severity,
        span: value.span,
        message: `${where} is ${value.value}, but it can be ${bound}${source}.`,
      });
    }
  }
}

/** Reports a value of the wrong type; returns whether the value has one of the accepted types. */
export function checkType(
  context: CheckContext,
  value: ConfigValue,
  accepted: ValueType | readonly ValueType[],
  where: string,
): boolean {
  const types: readonly ValueType[] = typeof accepted === "string" ? [accepted] : accepted;
  if (types.some((type) => hasType(value, type))) return true;
  const format = context.document.format;
  const expected = types.map((type) => describeType(type, format)).join(" or ");
  context.problems.error(
    "wrong-type",
    value.span,
    `${where} must be ${expected}, not ${describeType(valueType(value), format)}.`,
  );
  return false;
}

function hasType(value: ConfigValue, type: ValueType): boolean {
  // Wrangler checks numbers with `typeof`, so a float is as good as an integer to it.
  if (type === "number" || type === "integer")
    return value.kind === "integer" || value.kind === "float";
  return valueType(value) === type;
}

function valueType(value: ConfigValue): ValueType {
  switch (value.kind) {
    case "integer":
    case "float":
      return "number";
    default:
      return value.kind;
  }
}

/** A type in words, in the file's own terms: TOML's tables are JSON's objects. */
export function describeType(type: ValueType, format: "toml" | "json" = "toml"): string {
  switch (type) {
    case "string":
      return "a string";
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "array":
      return "an array";
    case "table":
      return format === "json" ? "an object" : "a table";
    case "datetime":
      return "a TOML date";
  }
}
