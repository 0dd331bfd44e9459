/**
 * Where each section of a TOML document counts for the checks: which environment and which key
 * of it the section may write (the parts whose findings are kept between keystrokes, see
 * `CheckContext.once`), and which headers follow an `[env.NAME]` header.
 *
 * A section counts for every key it may write: the keys before the first header name theirs, a
 * `[[env.E.kv_namespaces]]` header writes `kv_namespaces` of E, and `env.E.vars.X = 1` before
 * the first header or an `[env]` header may write anything anywhere.
 *
 * The layout of the last few documents is kept, as long as the documents are. A keystroke inside
 * one section that keeps its header and its keys' names only swaps that section in the lists
 * that hold it: every other list stays the same object, so the memo knows its part at once,
 * without a pass over the document.
 */
import { bindingKinds } from "../catalog";
import type { Environment } from "../service/bindings";
import type { ConfigDocument, Section } from "../syntax/model";

export interface Part {
  /** Every section that may write the environment, in document order. */
  readonly sections: readonly Section[];
  /** The sections that may write each key of the environment's table. */
  readonly byKey: ReadonlyMap<string, readonly Section[]>;
  /** The sections whose own keys the scoping check reads with each key's part. */
  readonly scopedByKey: ReadonlyMap<string, readonly Section[]>;
  /**
   * The sections that may write the environment's bindings, `migrations` or `exports`: all that
   * its names, inheritance and migrations are read from.
   */
  readonly bindings: readonly Section[];
}

export interface Layout {
  /** The part of each environment, by name (`undefined` for the top level). */
  readonly parts: ReadonlyMap<string | undefined, Part>;
  /** The sections without a header: the keys before the first header, and broken headers. */
  readonly headerless: readonly Section[];
  /** Headers that come right after an `[env.NAME]` header and bind at the top level. */
  readonly afterEnvHeader: readonly { readonly header: Header; readonly env: string }[];
}

type Header = NonNullable<Section["header"]>;

/** The keys a binding kind is written under (`durable_objects` for its bindings), and more. */
const BINDING_KEYS = new Set([
  ...bindingKinds.map((kind) => kind.key.split(".")[0]!),
  "migrations",
  "exports",
]);

interface Known {
  readonly sections: readonly Section[];
  readonly names: readonly (string | undefined)[];
  readonly layout: Layout;
}

/**
 * The layouts of the documents checked last, by their list of sections: a document that is
 * dropped takes its layout with it. The few most recent are looked up by a weak reference.
 */
const layouts = new WeakMap<readonly Section[], Known>();
const recent: WeakRef<readonly Section[]>[] = [];
const KEPT = 4;

export function layoutOf(document: ConfigDocument, named: readonly Environment[]): Layout {
  const sections = document.sections;
  const names = named.map((environment) => environment.name);
  let layout: Layout | undefined;
  for (const reference of recent) {
    const last = layouts.get(reference.deref() ?? []);
    if (!last || !sameItems(last.names, names)) continue;
    layout = swapped(last, sections);
    if (layout) break;
  }
  layout ??= newLayout(sections, names);
  layouts.set(sections, { sections, names, layout });
  const others = recent.filter((reference) => {
    const held = reference.deref();
    return held !== undefined && held !== sections;
  });
  recent.splice(0, recent.length, new WeakRef(sections), ...others.slice(0, KEPT - 1));
  return layout;
}

/**
 * The layout of `sections` from a known one when at most one section differs and it counts
 * where the old one did (same header object, same keys' names, not written anywhere).
 */
function swapped(last: Known, sections: readonly Section[]): Layout | undefined {
  const old = last.sections;
  if (old.length !== sections.length) return undefined;
  let index = -1;
  for (let i = 0; i < old.length; i++) {
    if (old[i] === sections[i]) continue;
    if (index >= 0) return undefined;
    index = i;
  }
  if (index < 0) return last.layout;
  const [before, after] = [old[index]!, sections[index]!];
  if (before.header !== after.header || writesAnywhere(before) || writesAnywhere(after)) {
    return undefined;
  }
  if (keysPlaceIt(before) && !sameItems(keyHeads(before), keyHeads(after))) return undefined;

  const swap = (list: readonly Section[]) => {
    const at = list.indexOf(before);
    if (at < 0) return list;
    const copy = list.slice();
    copy[at] = after;
    return copy;
  };
  const swapAll = (map: ReadonlyMap<string, readonly Section[]>) =>
    new Map([...map].map(([key, list]) => [key, swap(list)] as const));
  const parts = new Map(last.layout.parts);
  for (const [name, part] of parts) {
    if (!part.sections.includes(before)) continue;
    parts.set(name, {
      sections: swap(part.sections),
      byKey: swapAll(part.byKey),
      scopedByKey: swapAll(part.scopedByKey),
      bindings: swap(part.bindings),
    });
  }
  return { ...last.layout, parts, headerless: swap(last.layout.headerless) };
}

function newLayout(sections: readonly Section[], names: readonly (string | undefined)[]): Layout {
  const newPart = () => ({
    sections: [] as Section[],
    byKey: new Map<string, Section[]>(),
    scopedByKey: new Map<string, Section[]>(),
    bindings: [] as Section[],
  });
  const top = newPart();
  const parts = new Map([[undefined as string | undefined, top]]);
  for (const name of names) parts.set(name, newPart());
  const anywhere: Section[] = [];
  const headerless: Section[] = [];
  const afterEnvHeader: { header: Header; env: string }[] = [];
  let previous: Header | undefined;

  for (const section of sections) {
    const header = section.header;
    if (!header) headerless.push(section);
    else {
      const afterEnv = previous?.path[0] === "env" && previous.path.length === 2;
      if (afterEnv && header.path[0] !== "env")
        afterEnvHeader.push({ header, env: previous!.path[1]! });
      previous = header;
    }

    const path = header?.path;
    const inEnv = path?.[0] === "env";
    // An environment that is not a table (a TOML error) is checked with the top level.
    const part = parts.get(inEnv ? path[1] : undefined) ?? top;
    const depth = inEnv ? 2 : 0;
    if (writesAnywhere(section)) {
      anywhere.push(section);
      for (const each of parts.values()) each.sections.push(section);
      for (const each of parts.values()) each.bindings.push(section);
      continue;
    }
    part.sections.push(section);
    if (path && path.length > depth) {
      add(part.byKey, path[depth]!, section);
      add(part.scopedByKey, path[depth]!, section);
      if (BINDING_KEYS.has(path[depth]!)) part.bindings.push(section);
    } else {
      for (const key of section.keys) add(part.byKey, key.path[0]!, section);
      if (section.keys.some((key) => BINDING_KEYS.has(key.path[0]!))) part.bindings.push(section);
    }
  }

  // What may write anything counts for every key, in document order.
  if (anywhere.length > 0) {
    const order = new Map(sections.map((section, i) => [section, i]));
    for (const part of parts.values()) {
      for (const [key, list] of part.byKey) {
        const all = [...list, ...anywhere].sort((a, b) => order.get(a)! - order.get(b)!);
        part.byKey.set(key, all);
      }
    }
  }
  return { parts, headerless, afterEnvHeader };
}

/** An `[env]` header, or `env.…` keys before the first header, may write any environment. */
function writesAnywhere(section: Section): boolean {
  const path = section.header?.path;
  return path
    ? path[0] === "env" && path.length === 1
    : section.keys.some((key) => key.path[0] === "env");
}

/** Keys before the first header and under `[env.NAME]` each count for the key they write. */
function keysPlaceIt(section: Section): boolean {
  const path = section.header?.path;
  return !path || (path[0] === "env" && path.length <= 2);
}

function keyHeads(section: Section): string[] {
  return section.keys.map((key) => key.path[0]!);
}

function add(map: Map<string, Section[]>, key: string, section: Section): void {
  const list = map.get(key);
  if (list) {
    if (list.at(-1) !== section) list.push(section);
  } else map.set(key, [section]);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
