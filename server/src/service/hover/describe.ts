/**
 * The hover text for what the catalog describes: a binding kind, a field of a binding entry or
 * of a configuration key, and a configuration key. Every sentence that states a fact reads it
 * from the catalog; this file only supplies the connecting words.
 */
import { docsUrl } from "../../catalog";
import type { BindingKind, ConfigKey, FieldSpec, ValueType } from "../../catalog/types";
import { describeType } from "../../checks/fields";
import type { ConfigDocument } from "../../syntax/model";

type Format = ConfigDocument["format"];

/**
 * Keys without a page of their own are explained in Wrangler's configuration reference, the
 * page every key is listed on.
 */
const CONFIGURATION_REFERENCE = "/workers/wrangler/configuration/";

/** The last paragraph of every hover: where to read more. */
export function docsLink(path: string | undefined): string {
  return `[Cloudflare docs](${docsUrl(path ?? CONFIGURATION_REFERENCE)})`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * How the kind is written: as a TOML header, `[[kv_namespaces]]` or `[ai]`; in JSON, where
 * nesting is explicit, as its key path.
 */
export function kindHeader(kind: BindingKind, format: Format, prefix = ""): string {
  if (format === "json") return `${prefix}${kind.key}`;
  return kind.shape === "array" ? `[[${prefix}${kind.key}]]` : `[${prefix}${kind.key}]`;
}

export function describeKind(kind: BindingKind, format: Format): string {
  const header = kindHeader(kind, format);
  const paragraphs = [`**${kind.title}** · \`${header}\``, kind.description];

  const reach = reachedAs(kind);
  if (reach) paragraphs.push(reach);
  if (kind.inherited) {
    paragraphs.push(
      `Inherited: an environment without its own \`${header}\` uses the top level's.`,
    );
  } else if (kind.topLevelOnly) {
    paragraphs.push("Top level only: Wrangler ignores it inside an environment.");
  } else {
    const inEnvironment = kindHeader(kind, format, "env.<name>.");
    paragraphs.push(
      `Not inherited: an environment needs its own \`${inEnvironment}\`, or it has none.`,
    );
  }
  if (kind.deprecated) paragraphs.push(`Deprecated: ${kind.deprecated}`);

  paragraphs.push(docsLink(kind.docs));
  return paragraphs.join("\n\n");
}

/** How the Worker reaches the kind's bindings on `env`; nothing for kinds that bind no name. */
function reachedAs(kind: BindingKind): string | undefined {
  const type = kind.runtimeType ? `: ${kind.runtimeType}` : "";
  const names = kind.names;
  switch (names.from) {
    case "none":
      return undefined;
    case "keys":
      return `The Worker reaches each key as \`env.KEY${type}\`.`;
    case "list":
      return `The Worker reaches each name listed in \`${names.field}\` as \`env.NAME${type}\`.`;
    case "field": {
      const which = kind.shape === "array" ? "each binding" : "the binding";
      const optional = names.optional ? ", when it has one" : "";
      const named = `NAME being its \`${names.field}\`${optional}`;
      return `The Worker reaches ${which} as \`env.NAME${type}\`, ${named}.`;
    }
  }
}

/**
 * A field of a binding entry or of a configuration key. `path` is the field's dotted path in
 * its entry (`outbound.service`); `owner` is how its table is written (`[[dispatch_namespaces]]`).
 */
export function describeField(
  field: FieldSpec,
  path: string,
  owner: string,
  docs: string | undefined,
  format: Format,
): string {
  const facts = [typeFact(field.type, field.items, format)];
  if (field.required) facts.push("Required");
  else if (field.requiredUnless) facts.push(`Required unless \`${field.requiredUnless}\` is given`);
  else facts.push("Optional");
  facts.push(...constraints(field));

  return [
    `**\`${path}\`** · field of \`${owner}\``,
    field.description,
    facts.map((fact) => `- ${fact}`).join("\n"),
    docsLink(docs),
  ].join("\n\n");
}

function constraints(field: FieldSpec): string[] {
  const facts: string[] = [];
  if (field.nonEmpty) facts.push("Must not be empty");
  if (field.values) {
    const choices = field.values.map((value) => `\`${JSON.stringify(value)}\``).join(", ");
    const otherwise = field.valuesSeverity
      ? `; any other value draws a ${field.valuesSeverity}`
      : "";
    facts.push(`One of ${choices}${otherwise}`);
  }
  if (field.pattern) facts.push(`Must ${field.pattern.rule}`);
  const range = field.range;
  if (range && (range.min !== undefined || range.max !== undefined)) {
    const bounds =
      range.min !== undefined && range.max !== undefined
        ? `From ${range.min} to ${range.max}`
        : range.max !== undefined
          ? `At most ${range.max}`
          : `At least ${range.min}`;
    facts.push(range.source ? `${bounds} (${range.source})` : bounds);
  }
  if (field.requires) facts.push(`Only together with \`${field.requires}\``);
  if (field.conflictsWith) facts.push(`Never together with \`${field.conflictsWith}\``);
  if (field.deprecated) facts.push(`Deprecated: ${field.deprecated}`);
  return facts;
}

function typeFact(
  type: ValueType | readonly ValueType[],
  items: ValueType | undefined,
  format: Format,
): string {
  const types: readonly ValueType[] = typeof type === "string" ? [type] : type;
  const each = items ? `, each ${describeType(items, format)}` : "";
  return `Type: ${types.map((one) => describeType(one, format)).join(" or ")}${each}`;
}

/** How a configuration key's table is written, to name the owner of its fields. */
export function configKeyHeader(key: ConfigKey, format: Format): string {
  if (format === "json") return key.name;
  if (key.items === "table") return `[[${key.name}]]`;
  const types: readonly ValueType[] = typeof key.type === "string" ? [key.type] : key.type;
  return types.includes("table") ? `[${key.name}]` : key.name;
}

export function describeConfigKey(key: ConfigKey, format: Format): string {
  const facts = [typeFact(key.type, key.items, format)];
  if (key.pattern) facts.push(`Must ${key.pattern.rule}`);
  if (key.topLevelOnly) facts.push("Top level only: Wrangler ignores it inside an environment");
  else if (key.inherited)
    facts.push("Inherited: an environment without its own uses the top level's");
  else facts.push("Not inherited: each environment sets its own");
  if (key.status && "removed" in key.status)
    facts.push(`No longer accepted. ${key.status.removed}`);
  if (key.status && "legacy" in key.status) facts.push(`No longer read. ${key.status.legacy}`);

  return [
    `**\`${key.name}\`** · configuration key`,
    key.description,
    facts.map((fact) => `- ${fact}`).join("\n"),
    docsLink(key.docs),
  ].join("\n\n");
}
