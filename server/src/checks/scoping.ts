/**
 * The TOML scoping trap: every key belongs to the last table header above it, whatever the
 * author meant. `compatibility_date` written after `[vars]` becomes a variable; keys written
 * after a commented-out `# [[r2_buckets]]` land in the entry above it; `[[kv_namespaces]]`
 * written after `[env.staging]` is still a top-level binding. Other checks would call these
 * "unknown field" or say nothing; this one says what happened and how to fix it.
 */
import { findConfigKey, findKind } from "../catalog";
import type { FieldSpec } from "../catalog/types";
import type { Section, Span } from "../syntax/model";
import type { CheckContext } from "./context";
import type { Layout } from "./layout";

/** What a header's table accepts: field names, or anything (`[vars]`, open tables). */
type Accepts = { readonly fields: ReadonlySet<string> } | "anything";

/**
 * Top-level binding headers right after `[env.NAME]` (found by `layout.ts`): the one scoping
 * slip that depends on the order of sections, so it is checked over the whole document on every
 * change.
 */
export function checkHeaderOrder(context: CheckContext, afterEnvHeader: Layout["afterEnvHeader"]) {
  for (const { header, env } of afterEnvHeader) topLevelBindingAfterEnv(context, header, env);
}

/** The keys of one section that evidently belong somewhere else than TOML puts them. */
export function checkSectionScoping(
  context: CheckContext,
  section: Section,
  firstHeader: Section["header"],
): void {
  const header = section.header;
  if (!header) return topLevelKeysAfterCommentedHeader(context, section);
  const scoped = header.path[0] === "env" ? header.path.slice(2) : header.path;
  // Keys right under `[env.NAME]` are that environment's settings, as intended.
  if (scoped.length > 0) checkSectionKeys(context, section, scoped, firstHeader!);
}

/** The keys under one header that the author evidently meant for somewhere else. */
function checkSectionKeys(
  context: CheckContext,
  section: Section,
  scoped: readonly string[],
  firstHeader: NonNullable<Section["header"]>,
): void {
  const header = section.header!;
  const accepts = acceptedFields(scoped);
  if (!accepts) return;
  for (const key of section.keys) {
    const name = key.path[0]!;
    if (accepts !== "anything" && accepts.fields.has(name)) continue;
    if (isTopLevelKey(name, accepts === "anything")) {
      misplacedTopLevelKey(context, key.span, name, header.path, firstHeader.span);
    } else if (accepts !== "anything") {
      keyAfterCommentedHeader(context, section, key.span, name, header.path);
    }
  }
}

function misplacedTopLevelKey(
  context: CheckContext,
  span: Span,
  name: string,
  headerPath: readonly string[],
  firstHeader: Span,
): void {
  context.markMisplaced(span);
  context.problems.warning(
    "misplaced-key",
    span,
    `"${name}" is written below the [${headerPath.join(".")}] header, so TOML reads it as ${headerPath.join(".")}.${name}, not as a top-level setting. Move it above the first table header.`,
    { related: [{ span: firstHeader, message: "the first table header" }] },
  );
}

function keyAfterCommentedHeader(
  context: CheckContext,
  section: Section,
  span: Span,
  name: string,
  headerPath: readonly string[],
): void {
  const commented = commentedHeaderFor(section, span, name);
  if (!commented) return;
  context.markMisplaced(span);
  context.problems.warning(
    "misplaced-key",
    span,
    `"${name}" follows a commented-out [[${commented.path.join(".")}]] header, so TOML puts it in the [[${headerPath.join(".")}]] entry above. Uncomment the header, or comment out this key too.`,
    { related: [{ span: commented.span, message: "the commented-out header" }] },
  );
}

/** Before the first header, the same slip turns an entry's fields into top-level keys. */
function topLevelKeysAfterCommentedHeader(context: CheckContext, section: Section): void {
  for (const key of section.keys) {
    const name = key.path[0]!;
    if (isTopLevelKey(name, false)) continue;
    const commented = commentedHeaderFor(section, key.span, name);
    if (!commented) continue;
    context.markMisplaced(key.span);
    context.problems.warning(
      "misplaced-key",
      key.span,
      `"${name}" follows a commented-out [[${commented.path.join(".")}]] header, so TOML reads it as a top-level key, where Wrangler ignores it. Uncomment the header, or comment out this key too.`,
      { related: [{ span: commented.span, message: "the commented-out header" }] },
    );
  }
}

/** The last commented-out header above a key whose binding kind has a field of that name. */
function commentedHeaderFor(section: Section, span: Span, name: string) {
  const commented = section.commentedHeaders.filter((c) => c.span.end <= span.start).at(-1);
  const kind = commented && findKind(commented.path.join("."));
  return kind?.fields.some((field) => field.name === name) ? commented : undefined;
}

/**
 * A top-level binding header right after `[env.NAME]` still binds at the top level: TOML
 * headers are full paths. Only worth saying when that environment lacks the kind, which
 * suggests the author meant it for the environment. (After a full-path header such as
 * `[[env.NAME.kv_namespaces]]` the author evidently knows, so nothing is said.)
 */
function topLevelBindingAfterEnv(
  context: CheckContext,
  header: NonNullable<Section["header"]>,
  env: string,
): void {
  const kind = findKind(header.path.join("."));
  if (!kind || kind.inherited || kind.topLevelOnly) return;
  const environment = context.document.root.entries.get("env")?.value;
  const envTable = environment?.kind === "table" ? environment.entries.get(env)?.value : undefined;
  if (envTable?.kind === "table" && envTable.entries.has(kind.key.split(".")[0]!)) return;
  const brackets = header.array ? ["[[", "]]"] : ["[", "]"];
  const path = header.path.join(".");
  context.problems.warning(
    "misplaced-key",
    header.span,
    `${brackets[0]}${path}${brackets[1]} comes after [env.${env}] but binds at the top level: a header is a full path. For ${env}, write ${brackets[0]}env.${env}.${path}${brackets[1]}.`,
  );
}

function acceptedFields(path: readonly string[]): Accepts | undefined {
  const kind = findKind(path.join("."));
  if (kind) {
    if (kind.names.from === "keys") return "anything";
    return { fields: names(kind.fields) };
  }
  const key = path.length === 1 ? findConfigKey(path[0]!) : undefined;
  if (!key || key.type !== "table") return undefined;
  if (key.openFields) return "anything";
  return { fields: names(key.fields ?? []) };
}

const namesOf = new WeakMap<readonly FieldSpec[], ReadonlySet<string>>();

function names(fields: readonly FieldSpec[]): ReadonlySet<string> {
  let set = namesOf.get(fields);
  if (!set) namesOf.set(fields, (set = new Set(fields.map((field) => field.name))));
  return set;
}

/**
 * In a table that accepts any key (`[vars]`), only a current setting's name is suspicious
 * enough to report: a variable may well be called `type`, which was a setting long ago.
 */
function isTopLevelKey(name: string, acceptsAnything: boolean): boolean {
  if (findKind(name)) return true;
  const key = findConfigKey(name);
  return key !== undefined && name !== "env" && !(acceptsAnything && key.status);
}
