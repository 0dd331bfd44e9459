/**
 * Go to definition from the values that name something defined elsewhere, as the catalog's
 * `refersTo` marks them: a Durable Object's or Workflow's `class_name` leads to the class in the
 * Worker's `main` module, a `service` or `script_name` to that Worker's configuration, and a
 * queue consumer's `queue` (or `dead_letter_queue`) to the producer binding that sends to it.
 */
import type { LocationLink, Position, Range } from "vscode-languageserver-types";
import {
  entryAt,
  isTable,
  type ConfigValue,
  type StringValue,
  type TableValue,
} from "../syntax/model";
import { bindingsIn, environmentsOf } from "./bindings";
import { formatOf, parseConfig, type ParsedConfig } from "./index";
import { interpret, locate, type PathMeaning, type PathStep } from "./locate";
import { fieldAt } from "./quick-fixes/fields";
import { LineIndex } from "./positions";
import { exportedClasses } from "./worker-source";
import { resolveFrom, type WorkspaceView } from "./workspace";

/**
 * Where the string value at `position` is defined, or nothing when it names nothing this
 * service can find. `workspace` supplies the Worker's source and the other configurations.
 */
export function definition(
  parsed: ParsedConfig,
  uri: string,
  position: Position,
  workspace: WorkspaceView,
): LocationLink[] {
  const document = parsed.document;
  const located = locate(document, parsed.lines.offsetAt(position));
  if (located?.on !== "value" || located.value.kind !== "string") return [];
  const value = located.value;
  const path = located.path;
  const meaning = interpret(path);
  const origin = parsed.lines.rangeOf(value.span);

  // The catalog says what a field's value names; a key of the same name deeper inside an
  // entry (in a service binding's `props`) has no spec, so it leads nowhere.
  switch (fieldAt(path)?.refersTo) {
    case "class": {
      const entry = valueAt(document.root, path.slice(0, -1));
      const table = isTable(entry) ? entry : undefined;
      return classDeclaration(parsed, uri, meaning, table, value.value, origin, workspace);
    }
    case "worker":
      return workerConfig(value.value, origin, workspace);
    case "queue":
      // A producer's own queue would only lead back to itself.
      if (meaning.kind?.key === "queues.producers") return [];
      return queueProducers(parsed, uri, meaning.env, value.value, origin);
    default:
      return [];
  }
}

/** The class in the `main` module of the Worker that defines it: this one, or `script_name`'s. */
function classDeclaration(
  parsed: ParsedConfig,
  uri: string,
  meaning: PathMeaning,
  entry: TableValue | undefined,
  className: string,
  origin: Range,
  workspace: WorkspaceView,
): LocationLink[] {
  let configUri = uri;
  let config = parsed;
  let env = meaning.env;
  const scriptName = entry?.entries.get("script_name")?.value;
  if (scriptName?.kind === "string") {
    const other = workspace.workerConfigs().find((ref) => ref.name === scriptName.value);
    const text = other && workspace.readText(other.uri);
    if (!other || text === undefined) return [];
    configUri = other.uri;
    config = parseConfig(text, undefined, formatOf(other.uri));
    // The other Worker's environments are its own; its top level names its main module.
    env = undefined;
  }

  const main = mainModule(config, env);
  const found = main && findClass(workspace, resolveFrom(configUri, main), className, 0);
  if (!found) return [];

  // The declared name, which an `export { Local as Exported }` list may differ from.
  const declared = /[\w$]+/y;
  declared.lastIndex = found.offset;
  const length = declared.exec(found.source)?.[0].length ?? className.length;
  const lines = new LineIndex(found.source);
  const target = lines.rangeOf({ start: found.offset, end: found.offset + length });
  return [
    {
      originSelectionRange: origin,
      targetUri: found.uri,
      targetRange: target,
      targetSelectionRange: target,
    },
  ];
}

/** `export { A, B as C } from "./x"` and `export * from "./x"`. */
const RE_EXPORT = /export\s*(?:\*|\{([^}]*)\})\s*from\s*["']([^"']+)["']/g;

/**
 * The class in a module, or in a module it re-exports it from: Workers often keep each Durable
 * Object in its own file and re-export it from `main`. Two hops are enough for real projects.
 */
function findClass(
  workspace: WorkspaceView,
  moduleUri: string,
  className: string,
  hops: number,
): { uri: string; source: string; offset: number } | undefined {
  const source = workspace.readText(moduleUri);
  if (source === undefined) return undefined;
  const declared = exportedClasses(source).find((exported) => exported.name === className);
  if (declared) return { uri: moduleUri, source, offset: declared.offset };
  if (hops >= 2) return undefined;

  for (const [, list, specifier] of source.matchAll(RE_EXPORT)) {
    if (!specifier!.startsWith(".")) continue;
    // Under `export { Local as Exported }`, the other module knows the class as Local.
    const local = list === undefined ? className : reexportedAs(list, className);
    if (!local) continue;
    for (const candidate of moduleFiles(moduleUri, specifier!)) {
      const found = findClass(workspace, candidate, local, hops + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function reexportedAs(list: string, className: string): string | undefined {
  for (const item of list.split(",")) {
    const [local, exported] = item.trim().split(/\s+as\s+/);
    if ((exported ?? local) === className) return local;
  }
  return undefined;
}

/** The files an import specifier may name: as written, with a TypeScript or JS extension. */
function moduleFiles(from: string, specifier: string): string[] {
  const base = resolveFrom(from, specifier);
  const stem = base.replace(/\.[cm]?js$/, "");
  const extensions = [".ts", ".mts", ".tsx", ".js", ".mjs"];
  return [
    ...new Set([
      base,
      ...extensions.map((extension) => stem + extension),
      `${base}/index.ts`,
      `${base}/index.js`,
    ]),
  ];
}

/** The environment's own `main`, or the top level's, which environments inherit. */
function mainModule(parsed: ParsedConfig, env: string | undefined): string | undefined {
  const root = parsed.document.root;
  const own = env ? entryAt(root, ["env", env, "main"])?.value : undefined;
  const main = own ?? root.entries.get("main")?.value;
  return main?.kind === "string" ? main.value : undefined;
}

/** The configurations of the Worker with that name, at their `name = …` line when it has one. */
function workerConfig(name: string, origin: Range, workspace: WorkspaceView): LocationLink[] {
  return workspace
    .workerConfigs()
    .filter((ref) => ref.name === name)
    .map((ref) => {
      const text = workspace.readText(ref.uri);
      const parsed =
        text === undefined ? undefined : parseConfig(text, undefined, formatOf(ref.uri));
      const entry = parsed?.document.root.entries.get("name");
      const start = { line: 0, character: 0 };
      let targetRange: Range = { start, end: start };
      let targetSelectionRange = targetRange;
      if (parsed && entry?.value.kind === "string") {
        targetRange = parsed.lines.rangeOf({
          start: entry.keySpan.start,
          end: entry.value.span.end,
        });
        targetSelectionRange = parsed.lines.rangeOf(entry.value.span);
      }
      return {
        originSelectionRange: origin,
        targetUri: ref.uri,
        targetRange,
        targetSelectionRange,
      };
    });
}

/** The producers that send to the queue: in the consumer's environment, or else anywhere. */
function queueProducers(
  parsed: ParsedConfig,
  uri: string,
  env: string | undefined,
  queue: string,
  origin: Range,
): LocationLink[] {
  const found = environmentsOf(parsed.document).map((environment) => ({
    environment,
    producers: bindingsIn(environment)
      .filter((use) => use.kind.key === "queues.producers")
      .flatMap((use) => use.bindings)
      .filter((binding) => queueOf(binding.table)?.value === queue),
  }));
  const same = found.find(({ environment }) => environment.name === env)?.producers ?? [];
  const producers = same.length > 0 ? same : found.flatMap(({ producers }) => producers);

  return producers.map((binding) => {
    const select = binding.nameSpan ?? queueOf(binding.table)!.span;
    return {
      originSelectionRange: origin,
      targetUri: uri,
      targetRange: parsed.lines.rangeOf(binding.span),
      targetSelectionRange: parsed.lines.rangeOf(select),
    };
  });
}

function queueOf(table: TableValue | undefined): StringValue | undefined {
  const queue = table?.entries.get("queue")?.value;
  return queue?.kind === "string" ? queue : undefined;
}

/** The value a path of keys and indexes leads to. */
function valueAt(root: ConfigValue, path: readonly PathStep[]): ConfigValue | undefined {
  let current: ConfigValue | undefined = root;
  for (const step of path) {
    if (typeof step === "number")
      current = current?.kind === "array" ? current.items[step] : undefined;
    else current = current?.kind === "table" ? current.entries.get(step)?.value : undefined;
  }
  return current;
}
