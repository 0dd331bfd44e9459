/**
 * Walks the keys of the top level or of one environment and checks each against the catalog:
 * binding kinds (shape, then every entry's fields), other configuration keys (type, fields,
 * legacy status), and keys nobody knows (with a "did you mean").
 */
import { bindingKinds, configKeys, findConfigKey, findKind } from "../catalog";
import type { BindingKind, ConfigKey } from "../catalog/types";
import type { Environment } from "../service/bindings";
import { isTable, type Entry, type TableValue } from "../syntax/model";
import type { CheckContext } from "./context";
import { checkTable, checkType, checkValue, describeType } from "./fields";
import { closest } from "./suggest";

/** One key of the top level or of an environment. */
export function checkEnvironmentKey(
  context: CheckContext,
  environment: Environment,
  entry: Entry,
): void {
  const inEnv = environment.name !== undefined;
  const where = inEnv ? `env.${environment.name}.${entry.key}` : entry.key;
  const kind = findKind(entry.key);
  const key = findConfigKey(entry.key);

  if (!inEnv && entry.key === "env") checkEnvTable(context, entry);
  else if (kind) checkKind(context, kind, entry, where, inEnv);
  else if (key) checkConfigKey(context, key, entry, where, inEnv);
  else if (!context.isMisplaced(entry)) unknownKey(context, entry, where, inEnv);
}

function checkEnvTable(context: CheckContext, entry: Entry): void {
  if (!checkType(context, entry.value, "table", "env")) return;
  if (!isTable(entry.value)) return;
  for (const env of entry.value.entries.values()) {
    checkType(context, env.value, "table", `env.${env.key}`);
  }
}

function checkKind(
  context: CheckContext,
  kind: BindingKind,
  entry: Entry,
  where: string,
  inEnv: boolean,
): void {
  const problems = context.problems;
  if (inEnv && kind.topLevelOnly) return topLevelOnly(context, entry, where);
  if (kind.deprecated) {
    problems.warning(
      "deprecated-field",
      entry.keySpan,
      `${where} is deprecated: ${kind.deprecated}`,
      {
        deprecated: true,
      },
    );
  }

  const value = entry.value;
  if (kind.shape === "table") {
    if (!isTable(value)) return wrongShape(context, kind, entry, where);
    if (kind.names.from === "keys") return checkNamedByKeys(context, kind, value, where);
    checkTable(context, value, { fields: kind.fields, open: kind.openFields, label: where });
    return;
  }

  if (value.kind !== "array") return wrongShape(context, kind, entry, where);
  value.items.forEach((item, i) => {
    if (isTable(item)) {
      checkTable(context, item, {
        fields: kind.fields,
        open: kind.openFields,
        label: `${where}[${i}]`,
      });
    } else {
      problems.error(
        "wrong-shape",
        item.span,
        `Each entry of ${where} must be ${describeType("table", context.document.format)} such as { ${exampleFields(context, kind)} }.`,
      );
    }
  });
}

/** `[vars]` and the blob tables: each key is a binding name, each value its content. */
function checkNamedByKeys(
  context: CheckContext,
  kind: BindingKind,
  table: TableValue,
  where: string,
): void {
  for (const variable of table.entries.values()) {
    const value = variable.value;
    if (value.kind === "datetime") {
      // Wrangler refuses TOML dates in [vars]; say how to keep the value.
      context.problems.error(
        "wrong-type",
        value.span,
        `${where}.${variable.key} is a TOML date, which Wrangler refuses; quote it as a string: "${value.value}".`,
      );
    } else if (kind.valueType) {
      checkType(context, value, kind.valueType, `${where}.${variable.key}`);
    }
  }
}

function wrongShape(context: CheckContext, kind: BindingKind, entry: Entry, where: string): void {
  const fields = exampleFields(context, kind);
  const json = context.document.format === "json";
  const forms = json
    ? kind.shape === "array"
      ? `an array of objects: "${entry.key}": [{ ${fields} }]`
      : `an object: "${entry.key}": { ${fields} }`
    : kind.shape === "array"
      ? `an array of tables: [[${where}]] headers or ${entry.key} = [{ ${fields} }]`
      : `a table: a [${where}] header or ${entry.key} = { ${fields} }`;
  context.problems.error("wrong-shape", entry.value.span, `${where} must be ${forms}.`);
}

/** The required fields of a kind, written as the file's syntax writes them. */
function exampleFields(context: CheckContext, kind: BindingKind): string {
  const json = context.document.format === "json";
  const required = kind.fields
    .filter((field) => field.required)
    .map((field) => (json ? `"${field.name}": …` : `${field.name} = …`));
  return required.length > 0 ? required.join(", ") : "…";
}

function checkConfigKey(
  context: CheckContext,
  key: ConfigKey,
  entry: Entry,
  where: string,
  inEnv: boolean,
): void {
  const problems = context.problems;
  if (key.status && "removed" in key.status) {
    problems.error(
      "removed-key",
      entry.keySpan,
      `${where} is no longer supported: ${key.status.removed}`,
    );
    return;
  }
  if (key.status && "legacy" in key.status) {
    problems.warning(
      "legacy-key",
      entry.keySpan,
      `${where} is ignored by Wrangler: ${key.status.legacy}`,
      {
        deprecated: true,
      },
    );
    return;
  }
  if (inEnv && key.topLevelOnly) return topLevelOnly(context, entry, where);

  const value = entry.value;
  // Binding kinds nested in a container (`durable_objects.bindings`) are checked as kinds.
  const nested = (child: Entry) => findKind(`${key.name}.${child.key}`);
  if (isTable(value)) {
    for (const child of value.entries.values()) {
      const kind = nested(child);
      if (kind) checkKind(context, kind, child, `${where}.${child.key}`, inEnv);
    }
  }
  // A table of free keys (`define`, `alias`) has no field list, only a type for each value.
  const open = key.openFields || (key.valueType !== undefined && !key.fields);
  checkValue(
    context,
    value,
    { ...key, fields: key.fields ?? (isTable(value) ? [] : undefined) },
    where,
    open,
    (child) => nested(child) !== undefined,
  );
  if (key.valueType && isTable(value)) {
    for (const child of value.entries.values()) {
      checkType(context, child.value, key.valueType, `${where}.${child.key}`);
    }
  }
}

function topLevelOnly(context: CheckContext, entry: Entry, where: string): void {
  context.problems.warning(
    "top-level-only",
    entry.keySpan,
    `${where}: "${entry.key}" is only read at the top level of the file; Wrangler ignores it inside an environment.`,
  );
}

function unknownKey(context: CheckContext, entry: Entry, where: string, inEnv: boolean): void {
  const suggestion = closest(entry.key, knownKeys(inEnv));
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : "";
  const place = inEnv ? `environment "${where.split(".")[1]}"` : "the top level";
  context.problems.warning(
    "unknown-key",
    entry.keySpan,
    `"${entry.key}" is not a key Wrangler knows at ${place}; it is ignored.${hint}`,
    suggestion ? { suggestion } : undefined,
  );
}

function knownKeys(inEnv: boolean): string[] {
  const kinds = bindingKinds
    .filter((kind) => !(inEnv && kind.topLevelOnly))
    .map((kind) => kind.key.split(".")[0]!);
  const keys = configKeys
    .filter((key) => !key.status && !(inEnv && (key.topLevelOnly || key.name === "env")))
    .map((key) => key.name);
  return [...new Set([...kinds, ...keys])];
}
