/**
 * Checks what the user types into "Add binding", one value at a time, so the input box can say
 * what is wrong before anything is written: a name that is no JavaScript identifier or is
 * already bound, a KV id of the wrong shape, a bucket name R2 refuses. The rules are the
 * catalog's; the messages are short and say what to type instead.
 */
import { findConfigKey } from "../../catalog";
import type { BindingKind, FieldSpec } from "../../catalog/types";
import { isIdentifier } from "../../checks/names";
import type { AddBindingParams, ValidateBindingInputParams } from "../../protocol";
import { bindingsIn, environmentsOf, type Environment } from "../bindings";
import type { ParsedConfig } from "../index";
import { namesIn } from "./choices";
import {
  isNeeded,
  nameField,
  nameRequired,
  offeredKind,
  promptedFields,
  VARIABLE_VALUE,
} from "./kinds";

const KV_ID = /^[0-9a-f]{32}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PLACEHOLDER = /^<.*>$/;

export function validateBindingInput(
  parsed: ParsedConfig,
  params: ValidateBindingInputParams,
): string | null {
  const target = targetOf(parsed, params);
  if (typeof target === "string") return target;
  const { kind, environment } = target;
  if (params.field === "name") return nameProblem(kind, environment, params.value);
  return fieldProblem(kind, params.field, params.value);
}

/** Everything an "Add binding" request carries, checked at once: the first problem, or null. */
export function requestProblem(parsed: ParsedConfig, params: AddBindingParams): string | null {
  const target = targetOf(parsed, params);
  if (typeof target === "string") return target;
  const { kind, environment } = target;

  const name = nameProblem(kind, environment, params.name);
  if (name) return name;
  for (const [field, value] of Object.entries(params.fields)) {
    const problem = fieldProblem(kind, field, value);
    if (problem) return problem;
  }
  const missing = promptedFields(kind).find((spec) => isNeeded(spec) && !params.fields[spec.name]);
  return missing ? `${missing.name} is required.` : null;
}

interface Target {
  readonly kind: BindingKind;
  readonly environment: Environment;
}

/**
 * The kind and environment a request is about, or why there is none. Only offered kinds can be
 * added; any kind of the catalog can be removed.
 */
export function targetOf(
  parsed: ParsedConfig,
  params: { readonly kind: string; readonly environment: string | null },
  lookup: (key: string) => BindingKind | undefined = offeredKind,
): Target | string {
  const kind = lookup(params.kind);
  if (!kind) return `"${params.kind}" is not a binding kind that can be added.`;
  const environment = environmentsOf(parsed.document).find(
    (candidate) => (candidate.name ?? null) === params.environment,
  );
  if (!environment) return `This file has no env.${params.environment}.`;
  return { kind, environment };
}

function nameProblem(kind: BindingKind, environment: Environment, name: string): string | null {
  const place = environment.name === undefined ? "at the top level" : `in env.${environment.name}`;
  if (kind.shape === "table" && kind.names.from === "field") {
    const present = bindingsIn(environment).some((use) => use.kind === kind);
    if (present) return `${kind.key} is already bound ${place}; there can be only one.`;
  }
  if (!nameRequired(kind) && name === "") return null;
  if (name === "") return `Enter a binding name, such as ${exampleName(kind)}.`;
  if (!isIdentifier(name)) {
    return `"${name}" is not a JavaScript identifier: use letters, digits, _ or $, and do not start with a digit.`;
  }
  if (namesIn(environment).includes(name)) {
    return `${name} is already bound ${place}; choose another name.`;
  }
  return null;
}

function exampleName(kind: BindingKind): string {
  const example = kind.fields.find((spec) => spec.name === nameField(kind))?.example;
  return typeof example === "string" ? example : "MY_BINDING";
}

function fieldProblem(kind: BindingKind, field: string, value: string): string | null {
  const specs = kind.key === "vars" ? [VARIABLE_VALUE] : kind.fields;
  const spec = specs.find((candidate) => candidate.name === field);
  if (!spec) return `${kind.title} entries have no field "${field}".`;
  // A variable's value may be anything, the empty string included.
  if (spec === VARIABLE_VALUE) return null;

  if (value === "") return isNeeded(spec) ? `${field} is required.` : null;
  if (value.trim() === "") return `${field} cannot be blank.`;
  if (PLACEHOLDER.test(value)) return `Replace the placeholder with the real ${field}.`;
  return ruleProblem(kind, spec, value);
}

/** The rule a non-empty value breaks, from the most specific to the catalog's general ones. */
function ruleProblem(kind: BindingKind, spec: FieldSpec, value: string): string | null {
  if (kind.key === "kv_namespaces" && spec.name === "id" && !KV_ID.test(value)) {
    return "A KV namespace id is 32 hexadecimal characters; leave it empty to have Wrangler create the namespace.";
  }
  if (spec.name.endsWith("_address") && spec.type === "string" && !EMAIL.test(value)) {
    return "Enter an email address, such as someone@example.com.";
  }
  if (spec.refersTo === "class" && !isIdentifier(value)) {
    return `"${value}" is not a class name: use letters, digits, _ or $, and do not start with a digit.`;
  }
  const workerName = findConfigKey("name")?.pattern;
  if (spec.refersTo === "worker" && workerName && !workerName.regex.test(value)) {
    return `A Worker name must ${workerName.rule}.`;
  }
  if (spec.pattern && !spec.pattern.regex.test(value)) {
    return `${spec.name} must ${spec.pattern.rule}.`;
  }
  if (spec.values && !spec.valuesSeverity && !spec.values.map(String).includes(value)) {
    return `${spec.name} must be one of ${spec.values.join(", ")}.`;
  }
  const numeric = spec.type === "number" || spec.type === "integer";
  if (numeric && !Number.isFinite(Number(value))) return `${spec.name} must be a number.`;
  return null;
}
