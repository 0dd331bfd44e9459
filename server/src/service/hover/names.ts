/**
 * The hover text that depends on the whole file, not only on the catalog: how a binding name is
 * reached and where else it is bound, and what an environment lacks of the top level's bindings.
 */
import { findConfigKey } from "../../catalog";
import { expectedInEnvironments } from "../../checks/environments";
import type { ConfigDocument, Span } from "../../syntax/model";
import { bindingsIn, environmentsOf, type Binding, type Environment } from "../bindings";
import { docsLink, listWords } from "./describe";

/** A binding whose name is written at `span`, with the environment it is in. */
export interface NamedBinding {
  readonly binding: Binding & { readonly name: string };
  readonly environment: Environment;
}

export function bindingNamedAt(document: ConfigDocument, span: Span): NamedBinding | undefined {
  for (const environment of environmentsOf(document)) {
    for (const use of bindingsIn(environment)) {
      for (const binding of use.bindings) {
        if (binding.name === undefined || binding.nameSpan?.start !== span.start) continue;
        return { binding: { ...binding, name: binding.name }, environment };
      }
    }
  }
  return undefined;
}

/** Another environment that binds the name too (or lacks it), and under which kind. */
interface Place {
  /** Undefined for the top level. */
  readonly name?: string;
  /** Set when the other environment binds the name as another kind: " (as R2 bucket)". */
  readonly as?: string;
}

/** "at the top level and in `env.a` and `env.b`", for a list of places. */
function wherePhrase(places: readonly Place[]): string {
  const top = places.find((place) => place.name === undefined);
  const named = places
    .filter((place) => place !== top)
    .map((place) => `\`env.${place.name}\`${place.as ?? ""}`);
  const parts = [
    top ? `at the top level${top.as ?? ""}` : "",
    named.length > 0 ? `in ${listWords(named)}` : "",
  ];
  return parts.filter(Boolean).join(" and ");
}

export function describeBindingName(document: ConfigDocument, named: NamedBinding): string {
  const { binding, environment } = named;
  const kind = binding.kind;
  const type = kind.runtimeType ? `, of type \`${kind.runtimeType}\`` : "";
  const paragraphs = [
    `**\`env.${binding.name}\`** · ${kind.title}`,
    `The Worker reaches this binding as \`env.${binding.name}\`${type}.`,
  ];

  const environments = environmentsOf(document);
  const top = environments[0]!;
  const bound: Place[] = [];
  const lacking: Place[] = [];
  for (const other of environments) {
    if (other.table === environment.table) continue;
    const uses = bindingsIn(other);
    const same = uses
      .flatMap((use) => use.bindings)
      .find((candidate) => candidate.name === binding.name);
    if (same) {
      const as = same.kind === kind ? undefined : ` (as ${same.kind.title})`;
      bound.push({ name: other.name, as });
      continue;
    }
    // An environment that leaves out an inherited kind (`[assets]`) uses the top level's.
    const inherits = kind.inherited && other !== top && !uses.some((use) => use.kind === kind);
    if (!inherits) lacking.push({ name: other.name });
  }

  const where: string[] = [];
  if (bound.length > 0) where.push(`Also bound ${wherePhrase(bound)}.`);
  if (lacking.length > 0) {
    const there = lacking.length === 1 ? "there" : "in each";
    where.push(
      `Not bound ${wherePhrase(lacking)}: ${there}, \`env.${binding.name}\` is undefined.`,
    );
  }
  if (where.length > 0) paragraphs.push(where.join(" "));

  paragraphs.push(docsLink(kind.docs));
  return paragraphs.join("\n\n");
}

/** What `env.NAME` lacks of the bindings the top level declares. */
export function describeEnvironment(document: ConfigDocument, name: string): string {
  const [top, ...named] = environmentsOf(document);
  const environment = named.find((candidate) => candidate.name === name);
  const paragraphs = [`**\`env.${name}\`** · environment`];

  const expected = expectedInEnvironments(bindingsIn(top!));
  const own = environment ? bindingsIn(environment) : [];
  const missing: string[] = [];
  for (const { use, names } of expected) {
    const mine = own.find((candidate) => candidate.kind === use.kind);
    const present = new Set(mine?.bindings.map((binding) => binding.name));
    const absent = names.filter((bindingName) => !present.has(bindingName));
    if (mine && absent.length === 0) continue;
    const listed = absent.map((bindingName) => `\`${bindingName}\``).join(", ");
    missing.push(`- \`${use.kind.key}\` (${use.kind.title})${listed ? `: ${listed}` : ""}`);
  }

  if (expected.length === 0) {
    paragraphs.push("The top level declares no bindings that an environment must repeat.");
  } else if (missing.length === 0) {
    paragraphs.push(`\`env.${name}\` repeats every binding of the top level.`);
  } else {
    paragraphs.push(
      `Environments do not inherit bindings from the top level. \`env.${name}\` lacks:`,
      missing.join("\n"),
    );
  }

  paragraphs.push(docsLink(findConfigKey("env")?.docs));
  return paragraphs.join("\n\n");
}
