/**
 * The Bindings explorer over every file of the real corpus: it never throws, every range lies in
 * the document, each environment shows the bindings it has, and the Worker its worst problem.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { DiagnosticSeverity, type Range } from "vscode-languageserver-types";
import { diagnose, formatOf, parseConfig } from "../../server/src/service";
import { bindingsIn, environmentsOf } from "../../server/src/service/bindings";
import { workerNode } from "../../server/src/service/explorer";
import { at, URI } from "../support/explorer";

describe("the explorer over the real corpus", () => {
  const corpus = resolve(__dirname, "../../../shared/corpus/real");
  const files = readdirSync(corpus).filter((name) => /\.(toml|jsonc?)(\.example)?$/.test(name));

  const before = (a: Range["start"], b: Range["start"]) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (inner: Range, outer: Range) =>
    before(outer.start, inner.start) && before(inner.end, outer.end);

  test("the corpus is there", () => assert.ok(files.length > 150, `${files.length} files`));

  test("never throws; ranges lie in the document; counts match the bindings", () => {
    let bindings = 0;
    for (const name of files) {
      const text = readFileSync(resolve(corpus, name), "utf8");
      const parsed = parseConfig(text, undefined, formatOf(name.replace(/\.example$/, "")));
      const diagnostics = diagnose(parsed, URI);
      const node = workerNode(parsed, URI, diagnostics);
      const whole: Range = {
        start: { line: 0, character: 0 },
        end: parsed.lines.positionAt(text.length),
      };
      const valid = (range: Range, what: string) => {
        // A position past the end of its line would come back clamped.
        for (const end of [range.start, range.end]) {
          assert.deepEqual(parsed.lines.positionAt(parsed.lines.offsetAt(end)), end, what);
        }
        assert.ok(before(range.start, range.end) && inside(range, whole), what);
      };

      const environments = environmentsOf(parsed.document);
      assert.equal(node.environments.length, environments.length, name);
      for (const [e, environment] of node.environments.entries()) {
        if (environment.range) valid(environment.range, `${name} env ${environment.name}`);
        const uses = bindingsIn(environments[e]!);
        assert.deepEqual(
          environment.kinds.map((kind) => [kind.key, kind.bindings.length]),
          uses.map((use) => [use.kind.key, use.bindings.length]),
          name,
        );
        for (const kind of environment.kinds) {
          valid(kind.range, `${name} ${kind.key}`);
          for (const binding of kind.bindings) {
            const where = `${name} ${kind.key} ${binding.label} ${at(binding.range)}`;
            valid(binding.range, where);
            assert.ok(inside(binding.selectionRange, binding.range), `${where} selects inside`);
            assert.ok(binding.label.length > 0, where);
            bindings++;
          }
        }
      }

      const problems = diagnostics.filter((d) => (d.severity ?? 1) <= DiagnosticSeverity.Warning);
      const worst = problems.some((d) => d.severity === DiagnosticSeverity.Error)
        ? "error"
        : problems.length > 0
          ? "warning"
          : undefined;
      assert.equal(node.level, worst, `${name}: the Worker shows its worst problem`);
    }
    assert.ok(bindings > files.length * 2, `${bindings} bindings`);
  });
});
