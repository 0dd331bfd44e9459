/**
 * What a node of the Bindings explorer shows besides its place in the tree: the problems that
 * mark a binding, its environment and the Worker, then labels, descriptions and tooltips.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import type { WorkerNode } from "../../server/src/protocol";
import { parseConfig } from "../../server/src/service";
import { workerNode } from "../../server/src/service/explorer";
import { lines } from "../support/check";
import { tree, URI, VARS } from "../support/explorer";

describe("problems in the tree", () => {
  const text = lines(
    'name = "app"',
    "[env.staging]",
    'main = "staging.ts"',
    "[[kv_namespaces]]",
    'binding = "CACHE"',
    "[observability]",
    "enabled = true",
    "[env.staging.vars]",
    'MODE = "staging"',
    "[[env.staging.r2_buckets]]",
    'binding = "FILES"',
  );
  const parsed = parseConfig(text);
  const on = (line: number, severity?: DiagnosticSeverity): Diagnostic => ({
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    message: `line ${line}`,
    ...(severity !== undefined && { severity }),
  });
  const levels = (node: WorkerNode) => ({
    worker: node.level,
    environments: node.environments.map((environment) => environment.level),
    bindings: node.environments.flatMap((environment) =>
      environment.kinds.flatMap((kind) =>
        kind.bindings.map((binding) => [binding.label, binding.problems.map((p) => p.message)]),
      ),
    ),
  });

  test("a warning on a binding marks it, its environment and the Worker", () => {
    const node = workerNode(parsed, URI, [on(10, DiagnosticSeverity.Warning)]);
    assert.deepEqual(levels(node), {
      worker: "warning",
      environments: [undefined, "warning"],
      bindings: [
        ["CACHE", []],
        ["FILES", ["line 10"]],
        ["MODE", []],
      ],
    });
  });

  test("TOML environments interleave: each problem marks the environment that wrote its line", () => {
    // Lines 4 (the top level's KV binding) and 6 (its `[observability]`) stand between
    // staging's tables; line 2 is staging's `main`, on no binding.
    const node = workerNode(parsed, URI, [
      on(4, DiagnosticSeverity.Warning),
      on(2, DiagnosticSeverity.Warning),
      on(6, DiagnosticSeverity.Error),
    ]);
    assert.deepEqual(levels(node), {
      worker: "error",
      environments: ["error", "warning"],
      bindings: [
        ["CACHE", ["line 4"]],
        ["FILES", []],
        ["MODE", []],
      ],
    });
  });

  test("information and hints are no problems; a diagnostic without severity is an error", () => {
    const quiet = workerNode(parsed, URI, [
      on(8, DiagnosticSeverity.Information),
      on(10, DiagnosticSeverity.Hint),
    ]);
    assert.deepEqual(levels(quiet), {
      worker: undefined,
      environments: [undefined, undefined],
      bindings: [
        ["CACHE", []],
        ["FILES", []],
        ["MODE", []],
      ],
    });
    assert.equal(workerNode(parsed, URI, [on(8)]).level, "error");
  });

  test("a half-typed line, which no table holds, marks the environment whose section it is in", () => {
    const broken = lines(
      'name = "app"',
      "[env.staging]",
      "main =",
      "[[env.staging.kv_namespaces]]",
      'binding = "A"',
    );
    const { node } = tree(broken);
    assert.equal(node.level, "error");
    assert.deepEqual(
      node.environments.map((environment) => environment.level),
      [undefined, "error"],
    );
    assert.deepEqual(
      node.environments[1]!.kinds.map((kind) => kind.bindings.map((binding) => binding.label)),
      [["A"]],
    );
  });
});

describe("labels, descriptions and tooltips", () => {
  test("an entry with neither name nor resource is known by its place", () => {
    const { node } = tree(lines("[[send_email]]", 'destination_address = "a@example.com"'));
    const [binding] = node.environments[0]!.kinds[0]!.bindings;
    assert.equal(binding!.label, "send_email[0]");
    assert.equal(binding!.name, undefined);
    assert.equal(binding!.description, undefined);
  });

  test("values of every type are written in TOML's inline syntax", () => {
    const { node } = tree(
      lines(
        "[vars]",
        'LIST = ["a", 1, true]',
        "EMPTY = {}",
        'NESTED = { a = { "b c" = 1.5 } }',
        "WHEN = 1979-05-27",
      ),
    );
    const tips = node.environments[0]!.kinds[0]!.bindings.map((b) => b.tooltip.split("\n")[3]);
    assert.deepEqual(tips, [
      'LIST = ["a", 1, true]',
      "EMPTY = {}",
      'NESTED = { a = { "b c" = 1.5 } }',
      "WHEN = 1979-05-27",
    ]);
  });

  test("markdown in a name is escaped, and a value's backticks cannot close the block", () => {
    const { node } = tree(lines("[vars]", '"*NOTE*" = "run ```npm test```"'));
    assert.equal(
      node.environments[0]!.kinds[0]!.bindings[0]!.tooltip,
      [
        "**\\*NOTE\\*** · Environment variable",
        ["````toml", '"*NOTE*" = "run ```npm test```"', "````"].join("\n"),
        `[Environment variable documentation](${VARS.docs})`,
      ].join("\n\n"),
    );
  });

  test("a long value is cut in the tooltip", () => {
    const { node } = tree(lines("[vars]", `LONG = "${"x".repeat(200)}"`));
    const line = node.environments[0]!.kinds[0]!.bindings[0]!.tooltip.split("\n")[3]!;
    assert.equal(line.length, 120);
    assert.ok(line.endsWith("…"));
  });
});
