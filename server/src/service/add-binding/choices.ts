/**
 * What "Add binding" can offer for one configuration: its environments, every kind with the
 * fields to ask for, and for each field the values worth suggesting (the classes the Worker's
 * source exports, the workspace's other Workers, the queues the file already names).
 */
import type { BindingKind, FieldSpec } from "../../catalog/types";
import type { AddBindingChoicesResult, FieldPrompt, KindChoice } from "../../protocol";
import { bindingsIn, environmentsOf, type Environment } from "../bindings";
import type { CompletionContext } from "../completion/items";
import { classCandidates, otherWorkers, queueCandidates } from "../completion/sources";
import type { ParsedConfig } from "../index";
import type { WorkspaceView } from "../workspace";
import { isNamed, isNeeded, nameField, offeredKinds, promptedFields } from "./kinds";

export function addBindingChoices(
  parsed: ParsedConfig,
  uri: string,
  workspace: WorkspaceView,
): AddBindingChoicesResult {
  const environments = environmentsOf(parsed.document);
  // The candidate sources serve completion too; no caret here, so nothing is left out.
  const sources: CompletionContext = { parsed, offset: -1, workspace, configUri: uri, eol: "\n" };
  const taken = new Set(environments.flatMap(namesIn));

  return {
    environments: environments.map((environment) => environment.name ?? null),
    kinds: offeredKinds.map((kind): KindChoice => ({
      key: kind.key,
      title: kind.title,
      summary: kind.summary,
      core: kind.core === true,
      named: isNamed(kind),
      ...(isNamed(kind) && { suggestedName: suggestName(kind, taken) }),
      fields: promptedFields(kind).map((spec) => fieldPrompt(spec, sources)),
    })),
  };
}

/** Every binding name of an environment: all kinds, variables and secrets included. */
export function namesIn(environment: Environment): string[] {
  return bindingsIn(environment).flatMap((use) =>
    use.bindings.flatMap((binding) => (binding.name === undefined ? [] : [binding.name])),
  );
}

/**
 * The catalog's example name (`MY_KV`), or `MY_KV_2`, `MY_KV_3`… when taken. The choices are
 * the same whichever environment is picked later, so the name is free in all of them.
 */
function suggestName(kind: BindingKind, taken: ReadonlySet<string>): string {
  const spec = kind.fields.find((field) => field.name === nameField(kind));
  const example = typeof spec?.example === "string" ? spec.example : undefined;
  const base = example ?? `MY_${kind.title.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

function fieldPrompt(spec: FieldSpec, sources: CompletionContext): FieldPrompt {
  const required = isNeeded(spec);
  const choices = choicesFor(spec, sources);
  // A Durable Object's `script_name` starts empty: empty means "this Worker".
  const thisWorker = spec.refersTo === "worker" && !required;
  const suggestion = thisWorker ? undefined : (choices[0] ?? exampleOf(spec));
  return {
    name: spec.name,
    description: spec.description,
    required,
    ...(suggestion !== undefined && { suggestion }),
    ...(choices.length > 0 && { choices }),
  };
}

function choicesFor(spec: FieldSpec, sources: CompletionContext): string[] {
  if (spec.values) return spec.values.map(String);
  let values: string[] = [];
  if (spec.refersTo === "class") {
    // A class that no Durable Object binds yet is the likely one to bind now.
    const bound = boundClasses(sources.parsed);
    values = classCandidates(sources)
      .map((c) => c.value)
      .sort((a, b) => Number(bound.has(a)) - Number(bound.has(b)));
  }
  if (spec.refersTo === "queue") values = queueCandidates(sources).map((c) => c.value);
  if (spec.refersTo === "worker") values = otherWorkers(sources).map((ref) => ref.name);
  return [...new Set(values)];
}

function boundClasses(parsed: ParsedConfig): Set<string> {
  const classes = new Set<string>();
  for (const environment of environmentsOf(parsed.document)) {
    const use = bindingsIn(environment).find((u) => u.kind.key === "durable_objects.bindings");
    for (const binding of use?.bindings ?? []) {
      const value = binding.table?.entries.get("class_name")?.value;
      if (value?.kind === "string") classes.add(value.value);
    }
  }
  return classes;
}

/** The catalog's example, unless it is a placeholder such as `<CERTIFICATE_ID>`. */
function exampleOf(spec: FieldSpec): string | undefined {
  if (spec.example === undefined) return undefined;
  const example = String(spec.example);
  return /^<.*>$/.test(example) ? undefined : example;
}
