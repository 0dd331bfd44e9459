/**
 * Hover that reads the configuration around it: on a binding's name, where else it is bound and
 * where it is missing; on an environment, which of the top level's bindings it lacks.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { docs, hoverAt, md } from "../support/hover";

describe("hover on a binding name", () => {
  const config = lines(
    "[[kv_namespaces]]",
    'binding = "CA|CHE"',
    "",
    "[[env.staging.kv_namespaces]]",
    'binding = "CACHE"',
    "",
    "[[env.preview.r2_buckets]]",
    'binding = "CACHE"',
    "",
    "[env.dev]",
    'name = "dev"',
  );

  test("how the Worker reaches it, where else it is bound and where it is missing", () => {
    assert.deepEqual(hoverAt(config), {
      over: '"CACHE"',
      markdown: md(
        "**`env.CACHE`** · KV namespace",
        "The Worker reaches this binding as `env.CACHE`, of type `KVNamespace`.",
        "Also bound in `env.staging` and `env.preview` (as R2 bucket). Not bound in `env.dev`: there, `env.CACHE` is undefined.",
        docs("/workers/runtime-apis/bindings/kv/"),
      ),
    });
  });

  test("from an environment, the top level is one of the other places", () => {
    const text = lines(
      "[[durable_objects.bindings]]",
      'name = "ROOM"',
      'class_name = "Room"',
      "[[env.a.durable_objects.bindings]]",
      'name = "RO|OM"',
      'class_name = "Room"',
      "[env.b]",
      "[env.c]",
    );
    assert.deepEqual(hoverAt(text), {
      over: '"ROOM"',
      markdown: md(
        "**`env.ROOM`** · Durable Object",
        "The Worker reaches this binding as `env.ROOM`, of type `DurableObjectNamespace`.",
        "Also bound at the top level. Not bound in `env.b` and `env.c`: in each, `env.ROOM` is undefined.",
        docs("/workers/runtime-apis/bindings/durable-objects/"),
      ),
    });
  });

  test("a variable's key is its name; without environments there is nothing to compare", () => {
    assert.deepEqual(hoverAt(lines("[vars]", 'A|PI_URL = "https://example.com"')), {
      over: "API_URL",
      markdown: md(
        "**`env.API_URL`** · Environment variable",
        "The Worker reaches this binding as `env.API_URL`, of type `string`.",
        docs("/workers/configuration/environment-variables/"),
      ),
    });
  });
});

describe("hover on an environment", () => {
  const top = [
    "[[kv_namespaces]]",
    'binding = "CACHE"',
    "[[kv_namespaces]]",
    'binding = "SESSIONS"',
    "[[queues.consumers]]",
    'queue = "q"',
    "[vars]",
    'MODE = "prod"',
  ];

  test("lists the top level's bindings it lacks, by kind", () => {
    const text = lines(
      ...top,
      "[env.stag|ing]",
      "[[env.staging.kv_namespaces]]",
      'binding = "CACHE"',
    );
    assert.deepEqual(hoverAt(text), {
      over: "staging",
      markdown: md(
        "**`env.staging`** · environment",
        "Environments do not inherit bindings from the top level. `env.staging` lacks:",
        [
          "- `kv_namespaces` (KV namespace): `SESSIONS`",
          "- `queues.consumers` (Queue consumer)",
          "- `vars` (Environment variable): `MODE`",
        ].join("\n"),
        docs("/workers/wrangler/environments/"),
      ),
    });
  });

  test("says when it has them all, also on the environment's part of a deeper header", () => {
    const text = lines(
      '[vars]\nMODE = "prod"',
      "[env.staging.vars]",
      'MODE = "staging"',
      "[env.sta|ging.observability]",
    );
    assert.deepEqual(hoverAt(text), {
      over: "staging",
      markdown: md(
        "**`env.staging`** · environment",
        "`env.staging` repeats every binding of the top level.",
        docs("/workers/wrangler/environments/"),
      ),
    });
  });

  test("on the environment's key in a dotted key", () => {
    const found = hoverAt(lines('env.d|ev.name = "x"'));
    assert.equal(found?.over, "dev");
    assert.match(found!.markdown, /declares no bindings that an environment must repeat\./);
  });
});
