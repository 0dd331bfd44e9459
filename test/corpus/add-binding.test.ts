/**
 * "Add binding" on real files: every TOML (and JSON) configuration of the corpus × each core
 * kind × each environment of the file (top level first), once as written and once with CRLF
 * line endings. For each, the edit must:
 * - be made of insertions only, so that the original text is the edited text with the inserted
 *   pieces taken out (every other byte identical, in order);
 * - parse with no more syntax problems than before, and, in a CRLF file, add no lone `\n`;
 * - leave exactly one more binding of the kind in that environment, and the same count in
 *   every other environment;
 * - change no diagnostic, except the warnings that an addition changes by design, which
 *   `mayAppear` and `mayGo` list exactly.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, test } from "node:test";
import type { Diagnostic, TextEdit } from "vscode-languageserver-types";
import { coreKinds } from "../../server/src/catalog";
import { bindingsIn, environmentsOf } from "../../server/src/service/bindings";
import { diagnose, formatOf, parseConfig, type ParsedConfig } from "../../server/src/service";
import { addBindingChoices, addBindingEdit } from "../../server/src/service/add-binding";
import { EMPTY_WORKSPACE } from "../../server/src/service/workspace";
import { documentEdit } from "../support/add-binding";
import { applyEdits } from "../support/fixtures";
import { LineIndex } from "../../server/src/service/positions";

const CORPUS = resolve(__dirname, "../../../shared/corpus/real");

/** A value for every field "Add binding" asks for, each valid. */
const FIELDS: Record<string, Record<string, string>> = {
  services: { service: "added-worker" },
  kv_namespaces: { id: "0123456789abcdef0123456789abcdef" },
  "durable_objects.bindings": { class_name: "AddedObject" },
  r2_buckets: { bucket_name: "added-bucket" },
  "queues.producers": { queue: "added-queue" },
  "queues.consumers": { queue: "added-queue" },
  dispatch_namespaces: { namespace: "added-namespace" },
  mtls_certificates: { certificate_id: "00000000-0000-0000-0000-000000000000" },
  send_email: { destination_address: "someone@example.com" },
};

const files = readdirSync(CORPUS)
  .filter((name) => /\.(toml|json|jsonc)(\.example)?$/.test(name))
  .sort();

describe("Add binding on the real corpus", () => {
  test("the corpus is there", () => {
    assert.ok(files.filter((name) => name.includes(".toml")).length > 150, `found ${files.length}`);
  });

  for (const name of files) {
    test(name, () => {
      const text = readFileSync(join(CORPUS, name), "utf8");
      const format = formatOf(name.replace(/\.example$/, ""));
      for (const variant of [text, text.replace(/\r?\n/g, "\r\n")]) {
        checkFile(`${name}${variant === text ? "" : " (CRLF)"}`, variant, format);
      }
    });
  }
});

function checkFile(label: string, text: string, format: "toml" | "json"): void {
  const uri = `file:///corpus/${format === "json" ? "wrangler.jsonc" : "wrangler.toml"}`;
  const parsed = parseConfig(text, undefined, format);
  const before = diagnose(parsed, uri);
  const choices = addBindingChoices(parsed, uri, EMPTY_WORKSPACE);
  const names = new Map(choices.kinds.map((kind) => [kind.key, kind.suggestedName ?? ""]));

  for (const environment of choices.environments) {
    for (const kind of coreKinds) {
      const where = `${label}, ${kind.key} in ${environment ?? "the top level"}`;
      const name = names.get(kind.key)!;
      const params = {
        uri,
        environment,
        kind: kind.key,
        name,
        fields: FIELDS[kind.key]!,
        addMigration: true,
      };
      const result = addBindingEdit(parsed, params, 7);
      assert.ok(result, `${where}: no edit`);
      const change = documentEdit(result.edit);
      assert.deepEqual([change.uri, change.version], [uri, 7]);
      const edited = applyEdits(text, change.edits);

      assertInsertionsOnly(where, text, edited, change.edits);
      const after = parseConfig(edited, undefined, format);
      assert.ok(
        after.document.problems.length <= parsed.document.problems.length,
        `${where}: new syntax problem ${after.document.problems.at(-1)?.message}\n${edited}`,
      );
      if (text.includes("\r\n")) assert.doesNotMatch(edited, /(^|[^\r])\n/, `${where}: lone LF`);
      assertCounts(where, parsed, after, environment, kind.key);
      assertDiagnostics(where, before, diagnose(after, uri), { environment, kind: kind.key, name });
      const revealed = new LineIndex(edited);
      const shown = edited.slice(
        revealed.offsetAt(result.reveal.start),
        revealed.offsetAt(result.reveal.end),
      );
      assert.ok(shown.includes(name || FIELDS[kind.key]!.queue!), `${where}: reveals "${shown}"`);
    }
  }
}

/** The edited text less the inserted pieces is the original, byte for byte. */
function assertInsertionsOnly(where: string, text: string, edited: string, edits: TextEdit[]) {
  const lines = new LineIndex(text);
  const inserted = edits
    .map((edit) => {
      assert.deepEqual(edit.range.start, edit.range.end, `${where}: an edit replaces text`);
      return { at: lines.offsetAt(edit.range.start), length: edit.newText.length };
    })
    .sort((a, b) => a.at - b.at);
  // In the edited text each piece stands after the pieces inserted before it.
  let rest = "";
  let cursor = 0;
  let shift = 0;
  for (const { at, length } of inserted) {
    rest += edited.slice(cursor, at + shift);
    cursor = at + shift + length;
    shift += length;
  }
  rest += edited.slice(cursor);
  assert.equal(rest, text, `${where}: bytes outside the inserted text changed`);
}

function count(parsed: ParsedConfig, environment: string | null, kind: string): number {
  const found = environmentsOf(parsed.document).find((e) => (e.name ?? null) === environment);
  const use = found && bindingsIn(found).find((u) => u.kind.key === kind);
  return use?.bindings.length ?? 0;
}

/** One more of the kind where it was added; the same everywhere else. */
function assertCounts(
  where: string,
  before: ParsedConfig,
  after: ParsedConfig,
  environment: string | null,
  kind: string,
): void {
  for (const other of environmentsOf(before.document)) {
    const name = other.name ?? null;
    const expected = count(before, name, kind) + (name === environment ? 1 : 0);
    assert.equal(count(after, name, kind), expected, `${where}: bindings in ${name ?? "top"}`);
  }
}

interface Added {
  readonly environment: string | null;
  readonly kind: string;
  readonly name: string;
}

/**
 * The diagnostics an addition may change, and nothing else. At the top level: every
 * environment that lacks the kind is told so (`env-missing-kind`, naming the kind), every one
 * that has the kind is told it lacks the new name (`env-missing-binding`, naming it), and
 * existing warnings of either code about the kind are reworded to list the new name. In an
 * environment: its `env-missing-kind` about the kind gives way to `env-missing-binding` for
 * the top-level names it still lacks. And a top-level `[[other]]` header right after
 * `[env.NAME]` is no longer suspected of being meant for the environment (`misplaced-key`):
 * either the environment now has that kind, or the new block stands between the two headers,
 * and the check keeps quiet after a full-path header such as `[[env.NAME.kind]]`.
 */
function mayAppear(diagnostic: Diagnostic, added: Added, before: readonly Diagnostic[]): boolean {
  const { code, message } = text(diagnostic);
  if (added.environment === null) {
    if (code === "env-missing-kind") return message.includes(` has no ${added.kind},`);
    return (
      code === "env-missing-binding" &&
      message.includes(`.${added.kind} lacks`) &&
      message.includes(`"${added.name}"`)
    );
  }
  const env = `env.${added.environment}`;
  const lacked = before.some((d) => text(d).message.startsWith(`${env} has no ${added.kind},`));
  return (
    lacked && code === "env-missing-binding" && message.startsWith(`${env}.${added.kind} lacks`)
  );
}

function mayGo(diagnostic: Diagnostic, added: Added): boolean {
  const { code, message } = text(diagnostic);
  if (added.environment === null) {
    if (code === "env-missing-kind") return message.includes(` has no ${added.kind},`);
    return code === "env-missing-binding" && message.includes(`.${added.kind} lacks`);
  }
  const env = added.environment;
  if (code === "env-missing-kind") return message.startsWith(`env.${env} has no ${added.kind},`);
  return code === "misplaced-key" && message.includes(` comes after [env.${env}] but binds at`);
}

function text(diagnostic: Diagnostic): { code: string; message: string } {
  const message = diagnostic.message;
  return { code: String(diagnostic.code), message: typeof message === "string" ? message : "" };
}

function assertDiagnostics(
  where: string,
  before: Diagnostic[],
  after: Diagnostic[],
  added: Added,
): void {
  const show = (d: Diagnostic) => `${d.code}: ${text(d).message}`;
  const find = (list: Diagnostic[], line: string) => list.find((d) => show(d) === line)!;
  const unexpected = difference(after.map(show), before.map(show)).filter(
    (line) => !mayAppear(find(after, line), added, before),
  );
  const lost = difference(before.map(show), after.map(show)).filter(
    (line) => !mayGo(find(before, line), added),
  );
  assert.deepEqual(unexpected, [], `${where}: new diagnostics`);
  assert.deepEqual(lost, [], `${where}: lost diagnostics`);
}

/** The lines of `a` not matched one for one in `b`. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const line of b) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  return a.filter((line) => {
    const left = remaining.get(line) ?? 0;
    remaining.set(line, left - 1);
    return left <= 0;
  });
}
