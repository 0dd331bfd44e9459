/**
 * The Bindings explorer's data: the whole tree of small fixtures, read with ranges as
 * `line:character-line:character` (from 0) and the text each selection covers, then properties
 * every file of the real corpus must have.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver-types";
import { coreKinds } from "../../server/src/catalog";
import type { BindingNode, KindNode, WorkerNode } from "../../server/src/protocol";
import { diagnose, formatOf, parseConfig, type ParsedConfig } from "../../server/src/service";
import { bindingsIn, environmentsOf } from "../../server/src/service/bindings";
import { workerNode } from "../../server/src/service/explorer";
import { lines } from "../support/check";

const URI = "file:///w/wrangler.toml";

/** The tree with the checks' own diagnostics, as the server computes it. */
function tree(
  text: string,
  format: "toml" | "json" = "toml",
): { node: WorkerNode; shown: unknown } {
  const parsed = parseConfig(text, undefined, format);
  const node = workerNode(parsed, URI, diagnose(parsed, URI));
  return { node, shown: show(node, parsed) };
}

const at = (range: Range) =>
  `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** The node as the tests read it: every field, ranges in short, selections as the text. */
function show(node: WorkerNode, parsed: ParsedConfig): unknown {
  const text = (range: Range) =>
    parsed.document.text.slice(
      parsed.lines.offsetAt(range.start),
      parsed.lines.offsetAt(range.end),
    );
  const binding = ({ range, selectionRange, ...rest }: BindingNode) => ({
    ...rest,
    range: at(range),
    selects: text(selectionRange),
  });
  const kind = ({ range, bindings, ...rest }: KindNode) => ({
    ...rest,
    range: at(range),
    writes: text(range),
    bindings: bindings.map(binding),
  });
  return {
    ...node,
    environments: node.environments.map(({ range, kinds, ...rest }) => ({
      ...rest,
      ...(range && { range: at(range), writes: text(range) }),
      kinds: kinds.map(kind),
    })),
  };
}

interface KindFacts {
  readonly key: string;
  readonly title: string;
  readonly core: boolean;
  readonly icon: string;
  readonly docs: string;
}

const kind = (key: string, title: string, icon: string, docs: string, core = true): KindFacts => ({
  key,
  title,
  core,
  icon,
  docs: `https://developers.cloudflare.com${docs}`,
});

const SERVICES = kind(
  "services",
  "Service binding",
  "link",
  "/workers/runtime-apis/bindings/service-bindings/",
);
const KV = kind("kv_namespaces", "KV namespace", "key", "/workers/runtime-apis/bindings/kv/");
const R2 = kind("r2_buckets", "R2 bucket", "archive", "/workers/runtime-apis/bindings/r2/");
const OBJECTS = kind(
  "durable_objects.bindings",
  "Durable Object",
  "symbol-class",
  "/workers/runtime-apis/bindings/durable-objects/",
);
const PRODUCERS = kind(
  "queues.producers",
  "Queue producer",
  "list-ordered",
  "/workers/runtime-apis/bindings/queues/",
);
const CONSUMERS = kind(
  "queues.consumers",
  "Queue consumer",
  "inbox",
  "/queues/configuration/configure-queues/",
);
const DISPATCH = kind(
  "dispatch_namespaces",
  "Dispatch namespace",
  "server-process",
  "/workers/runtime-apis/bindings/dispatcher/",
);
const MTLS = kind(
  "mtls_certificates",
  "mTLS certificate",
  "lock",
  "/workers/runtime-apis/bindings/mtls/",
);
const EMAIL = kind(
  "send_email",
  "Email sender",
  "mail",
  "/email-routing/email-workers/send-email-workers/",
);
const VARS = kind(
  "vars",
  "Environment variable",
  "symbol-variable",
  "/workers/configuration/environment-variables/",
  false,
);
const SECRETS = kind("secrets", "Secret", "shield", "/workers/configuration/secrets/", false);

/** A tooltip as the explorer writes it: the binding and its kind, the fields, the docs link. */
function tooltip(label: string, of: KindFacts, ...fields: string[]): string {
  const block = fields.length > 0 ? [["```toml", ...fields, "```"].join("\n")] : [];
  return [`**${label}** · ${of.title}`, ...block, `[${of.title} documentation](${of.docs})`].join(
    "\n\n",
  );
}

/** A binding named `label` as `show` reads it, first of its kind and without problems. */
function named(
  label: string,
  description: string | undefined,
  where: [range: string, selects: string],
  tip: string,
  more: { index?: number; problems?: { level: string; message: string }[] } = {},
) {
  return {
    label,
    name: label,
    ...(description !== undefined && { description }),
    tooltip: tip,
    index: 0,
    problems: [],
    range: where[0],
    selects: where[1],
    ...more,
  };
}

const KV_ID = "0123456789abcdef0123456789abcdef";
const STAGING_KV_ID = "fedcba9876543210fedcba9876543210";

const API = lines(
  'name = "api"',
  'main = "src/index.ts"',
  "",
  "[[services]]",
  'binding = "AUTH"',
  'service = "auth"',
  "",
  "[[kv_namespaces]]",
  'binding = "CACHE"',
  `id = "${KV_ID}"`,
  "",
  "[vars]",
  'MODE = "production"',
  "RETRIES = 3",
  "",
  "[env.staging]",
  'vars = { MODE = "staging", RETRIES = 1 }',
  'services = [{ binding = "AUTH", service = "auth-staging" }]',
  "",
  "[[env.staging.kv_namespaces]]",
  'binding = "CACHE"',
  `id = "${STAGING_KV_ID}"`,
  "",
  "[[env.staging.r2_buckets]]",
  'binding = "UPLOADS"',
  'bucket_name = "Uploads"',
  "",
  "[env.production.queues]",
  'producers = [{ binding = "JOBS", queue = "jobs" }]',
  "",
  "[[env.production.queues.consumers]]",
  'queue = "jobs"',
  "max_batch_size = 10",
  "",
  "[[env.production.durable_objects.bindings]]",
  'name = "ROOMS"',
  'class_name = "Room"',
  'script_name = "rooms"',
);

const DISPATCHER = lines(
  "{",
  "  // The dispatcher of a Workers for Platforms app.",
  '  "name": "dispatcher",',
  '  "dispatch_namespaces": [',
  '    { "binding": "CUSTOMERS", "namespace": "customers", "outbound": { "service": "egress" } }',
  "  ],",
  '  "mtls_certificates": [{ "binding": "ORIGIN_CERT", "certificate_id": "" }],',
  '  "send_email": [{ "name": "MAILER", "destination_address": "ops@example.com" }],',
  '  "secrets": { "required": ["API_KEY"] },',
  '  "env": {',
  '    "dev": { "vars": { "DEBUG": true } }',
  "  }",
  "}",
);

describe("the Bindings explorer's tree of one configuration", () => {
  test("TOML: the top level, then each environment; kinds in catalog order; every binding", () => {
    assert.deepEqual(tree(API).shown, {
      uri: URI,
      name: "api",
      environments: [
        {
          kinds: [
            {
              ...SERVICES,
              range: "3:2-3:10",
              writes: "services",
              bindings: [
                named(
                  "AUTH",
                  "auth",
                  ["3:0-5:16", '"AUTH"'],
                  tooltip("AUTH", SERVICES, 'binding = "AUTH"', 'service = "auth"'),
                ),
              ],
            },
            {
              ...KV,
              range: "7:2-7:15",
              writes: "kv_namespaces",
              bindings: [
                named(
                  "CACHE",
                  KV_ID,
                  ["7:0-9:39", '"CACHE"'],
                  tooltip("CACHE", KV, 'binding = "CACHE"', `id = "${KV_ID}"`),
                ),
              ],
            },
            {
              ...VARS,
              range: "11:1-11:5",
              writes: "vars",
              bindings: [
                named(
                  "MODE",
                  "production",
                  ["12:0-12:19", "MODE"],
                  tooltip("MODE", VARS, 'MODE = "production"'),
                ),
                named(
                  "RETRIES",
                  "3",
                  ["13:0-13:11", "RETRIES"],
                  tooltip("RETRIES", VARS, "RETRIES = 3"),
                  {
                    index: 1,
                  },
                ),
              ],
            },
          ],
        },
        {
          name: "staging",
          range: "15:5-15:12",
          writes: "staging",
          kinds: [
            {
              ...SERVICES,
              range: "17:0-17:8",
              writes: "services",
              bindings: [
                named(
                  "AUTH",
                  "auth-staging",
                  ["17:12-17:58", '"AUTH"'],
                  tooltip("AUTH", SERVICES, 'binding = "AUTH"', 'service = "auth-staging"'),
                ),
              ],
            },
            {
              ...KV,
              range: "19:14-19:27",
              writes: "kv_namespaces",
              bindings: [
                named(
                  "CACHE",
                  STAGING_KV_ID,
                  ["19:0-21:39", '"CACHE"'],
                  tooltip("CACHE", KV, 'binding = "CACHE"', `id = "${STAGING_KV_ID}"`),
                ),
              ],
            },
            {
              ...R2,
              range: "23:14-23:24",
              writes: "r2_buckets",
              bindings: [
                named(
                  "UPLOADS",
                  "Uploads",
                  ["23:0-25:23", '"UPLOADS"'],
                  tooltip("UPLOADS", R2, 'binding = "UPLOADS"', 'bucket_name = "Uploads"'),
                  {
                    problems: [
                      {
                        level: "error",
                        message:
                          'env.staging.r2_buckets[0].bucket_name must be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit; "Uploads" does not.',
                      },
                    ],
                  },
                ),
              ],
            },
            {
              ...VARS,
              range: "16:0-16:4",
              writes: "vars",
              bindings: [
                named(
                  "MODE",
                  "staging",
                  ["16:9-16:25", "MODE"],
                  tooltip("MODE", VARS, 'MODE = "staging"'),
                ),
                named(
                  "RETRIES",
                  "1",
                  ["16:27-16:38", "RETRIES"],
                  tooltip("RETRIES", VARS, "RETRIES = 1"),
                  {
                    index: 1,
                  },
                ),
              ],
            },
          ],
          // The R2 bucket's error, and nothing else, marks staging.
          level: "error",
        },
        {
          name: "production",
          range: "27:5-27:15",
          writes: "production",
          kinds: [
            {
              ...OBJECTS,
              range: "34:33-34:41",
              writes: "bindings",
              bindings: [
                named(
                  "ROOMS",
                  "Room",
                  ["34:0-37:21", '"ROOMS"'],
                  tooltip(
                    "ROOMS",
                    OBJECTS,
                    'name = "ROOMS"',
                    'class_name = "Room"',
                    'script_name = "rooms"',
                  ),
                ),
              ],
            },
            {
              ...PRODUCERS,
              range: "28:0-28:9",
              writes: "producers",
              bindings: [
                named(
                  "JOBS",
                  "jobs",
                  ["28:13-28:49", '"JOBS"'],
                  tooltip("JOBS", PRODUCERS, 'binding = "JOBS"', 'queue = "jobs"'),
                ),
              ],
            },
            {
              ...CONSUMERS,
              range: "30:24-30:33",
              writes: "consumers",
              bindings: [
                {
                  // A consumer binds nothing: it is known by its queue and selected by its header.
                  label: "jobs",
                  description: "jobs",
                  tooltip: tooltip("jobs", CONSUMERS, 'queue = "jobs"', "max_batch_size = 10"),
                  index: 0,
                  problems: [],
                  range: "30:0-32:19",
                  selects: "[[env.production.queues.consumers]]",
                },
              ],
            },
          ],
          // Production lacks the top level's services, KV and vars: warnings on its name.
          level: "warning",
        },
      ],
      level: "error",
    });
  });

  test("JSON with comments: the same tree; a binding's error marks the top level", () => {
    assert.deepEqual(tree(DISPATCHER, "json").shown, {
      uri: URI,
      name: "dispatcher",
      environments: [
        {
          kinds: [
            {
              ...DISPATCH,
              range: "3:2-3:23",
              writes: '"dispatch_namespaces"',
              bindings: [
                named(
                  "CUSTOMERS",
                  "customers",
                  ["4:4-4:93", '"CUSTOMERS"'],
                  tooltip(
                    "CUSTOMERS",
                    DISPATCH,
                    'binding = "CUSTOMERS"',
                    'namespace = "customers"',
                    'outbound = { service = "egress" }',
                  ),
                ),
              ],
            },
            {
              ...MTLS,
              range: "6:2-6:21",
              writes: '"mtls_certificates"',
              bindings: [
                // An empty certificate id describes nothing, and is an error.
                named(
                  "ORIGIN_CERT",
                  undefined,
                  ["6:24-6:74", '"ORIGIN_CERT"'],
                  tooltip("ORIGIN\\_CERT", MTLS, 'binding = "ORIGIN_CERT"', 'certificate_id = ""'),
                  {
                    problems: [
                      {
                        level: "error",
                        message: "mtls_certificates[0].certificate_id must not be empty.",
                      },
                    ],
                  },
                ),
              ],
            },
            {
              ...EMAIL,
              range: "7:2-7:14",
              writes: '"send_email"',
              bindings: [
                named(
                  "MAILER",
                  undefined,
                  ["7:17-7:79", '"MAILER"'],
                  tooltip(
                    "MAILER",
                    EMAIL,
                    'name = "MAILER"',
                    'destination_address = "ops@example.com"',
                  ),
                ),
              ],
            },
            {
              ...SECRETS,
              range: "8:2-8:11",
              writes: '"secrets"',
              bindings: [
                named(
                  "API_KEY",
                  "secret",
                  ["8:28-8:37", '"API_KEY"'],
                  tooltip("API\\_KEY", SECRETS),
                ),
              ],
            },
          ],
          level: "error",
        },
        {
          name: "dev",
          range: "10:4-10:9",
          writes: '"dev"',
          kinds: [
            {
              ...VARS,
              range: "10:13-10:19",
              writes: '"vars"',
              bindings: [
                named(
                  "DEBUG",
                  "true",
                  ["10:23-10:36", '"DEBUG"'],
                  tooltip("DEBUG", VARS, "DEBUG = true"),
                ),
              ],
            },
          ],
          // dev lacks the top level's bindings: warnings on its name.
          level: "warning",
        },
      ],
      level: "error",
    });
  });

  test("the fixtures show every core kind, each with an icon of its own", () => {
    const shown = [tree(API).node, tree(DISPATCHER, "json").node].flatMap((node) =>
      node.environments.flatMap((environment) => environment.kinds),
    );
    for (const core of coreKinds) {
      const found = shown.find((candidate) => candidate.key === core.key);
      assert.ok(found, `${core.key} is shown`);
      assert.notEqual(found.icon, "plug", `${core.key} has its own icon`);
    }
    assert.equal(new Set(coreKinds.map((core) => core.icon)).size, coreKinds.length);
  });
});

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
