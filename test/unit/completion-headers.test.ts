import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InsertTextFormat } from "vscode-languageserver-types";
import { lines } from "../support/check";
import { accept, applyRaw, completionsAt, itemAt, labels, ranked } from "../support/completion";

describe("completion of table headers", () => {
  const coreBlocks: readonly [string, string][] = [
    ["[[services]]", 'binding = "BACKEND"\nservice = "my-backend"'],
    ["[[kv_namespaces]]", 'binding = "MY_KV"'],
    ["[[durable_objects.bindings]]", 'name = "MY_DURABLE_OBJECT"\nclass_name = "MyDurableObject"'],
    ["[[r2_buckets]]", 'binding = "MY_BUCKET"'],
    ["[[queues.producers]]", 'binding = "MY_QUEUE"'],
    ["[[queues.consumers]]", 'queue = "my-queue"'],
    ["[[dispatch_namespaces]]", 'binding = "DISPATCHER"'],
    ["[[mtls_certificates]]", 'binding = "MY_CERT"\ncertificate_id = "<CERTIFICATE_ID>"'],
    ["[[send_email]]", 'name = "EMAIL"'],
  ];

  for (const [header, block] of coreBlocks) {
    test(`${header} writes the entry's name and required fields`, () => {
      const fixture = 'name = "app"\n\n[[|';
      assert.equal(accept(fixture, header), `name = "app"\n\n${header}\n${block}`);
    });
  }

  test("the block is a snippet whose tab stops hold the catalog's examples", () => {
    const item = itemAt("[[|", "[[services]]");
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(
      applyRaw("[[|", "[[services]]"),
      '[[services]]\nbinding = "${1:BACKEND}"\nservice = "${2:my-backend}"',
    );
    assert.equal(item.detail, "Call another Worker directly, over fetch or RPC");
    assert.match(
      String((item.documentation as { value: string }).value),
      /\(https:\/\/developers\.cloudflare\.com\/workers\/runtime-apis\/bindings\/service-bindings\/\)/,
    );
  });

  test("nested required tables get their own required fields, enumerations as choices", () => {
    assert.equal(
      applyRaw("[[|\n", "[[ratelimits]]"),
      lines(
        "[[ratelimits]]",
        'name = "${1:MY_RATE_LIMITER}"',
        'namespace_id = "${2:1001}"',
        "simple = { limit = ${3:100}, period = ${4|60,10|} }",
      ),
    );
  });

  test("`[` at the end of the file offers array kinds in their own shape, never `[[[`", () => {
    assert.equal(
      accept('name = "app"\n[|', "[[kv_namespaces]]"),
      'name = "app"\n[[kv_namespaces]]\nbinding = "MY_KV"',
    );
    assert.equal(accept('name = "app"\n[|', "[ai]"), 'name = "app"\n[ai]\nbinding = "AI"');
  });

  test("`[[` then a single-table kind writes `[…]`", () => {
    assert.equal(accept("[[|", "[browser]"), '[browser]\nbinding = "BROWSER"');
  });

  test("`[[kv_` at the end of the file: the typed part is replaced", () => {
    const item = itemAt('name = "app"\n[[kv_|', "[[kv_namespaces]]");
    assert.equal(item.filterText, "[[kv_namespaces");
    assert.equal(
      accept('name = "app"\n[[kv_|', "[[kv_namespaces]]"),
      'name = "app"\n[[kv_namespaces]]\nbinding = "MY_KV"',
    );
  });

  test("closing brackets the editor typed are replaced too", () => {
    assert.equal(accept("[[kv|]]", "[[kv_namespaces]]"), '[[kv_namespaces]]\nbinding = "MY_KV"');
  });

  test("a header typed in the middle of a file, before another table", () => {
    const fixture = lines('name = "app"', "", "[[r2|", "", "[vars]", 'MODE = "dev"');
    assert.equal(
      accept(fixture, "[[r2_buckets]]"),
      lines(
        'name = "app"',
        "",
        "[[r2_buckets]]",
        'binding = "MY_BUCKET"',
        "",
        "[vars]",
        'MODE = "dev"',
      ),
    );
  });

  test("a header over keys already written is replaced alone", () => {
    const fixture = lines("[[kv_namespace|]]", 'binding = "CACHE"');
    const item = itemAt(fixture, "[[kv_namespaces]]");
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(
      accept(fixture, "[[kv_namespaces]]"),
      lines("[[kv_namespaces]]", 'binding = "CACHE"'),
    );
  });

  test("the documents' line endings are kept", () => {
    assert.equal(
      accept('name = "app"\r\n[[|', "[[kv_namespaces]]"),
      'name = "app"\r\n[[kv_namespaces]]\r\nbinding = "MY_KV"',
    );
  });

  test("tables that are not bindings come after the binding kinds", () => {
    const found = labels("[|");
    assert.ok(found.includes("[[migrations]]"));
    assert.ok(found.includes("[triggers]"));
    assert.ok(found.indexOf("[triggers]") > found.indexOf("[[d1_databases]]"));
    assert.equal(accept("[|", "[[migrations]]"), '[[migrations]]\ntag = "v1"');
  });

  test("legacy keys and deprecated kinds are never offered", () => {
    const found = labels("[|");
    for (const legacy of ["[miniflare]", "[[kv-namespaces]]", "[[constellation]]", "[queues]"]) {
      assert.ok(!found.includes(legacy), legacy);
    }
  });
});

describe("environments in headers", () => {
  const withEnvironments = lines(
    'name = "app"',
    "",
    "[env.staging]",
    'name = "app-staging"',
    "",
    "[env.production]",
    'name = "app-production"',
    "",
    "[[|",
  );

  test("ranking after `[[`: the core kinds, then the environments, then the other kinds", () => {
    assert.deepEqual(labels(withEnvironments).slice(0, 12), [
      "[[services]]",
      "[[kv_namespaces]]",
      "[[durable_objects.bindings]]",
      "[[r2_buckets]]",
      "[[queues.producers]]",
      "[[queues.consumers]]",
      "[[dispatch_namespaces]]",
      "[[mtls_certificates]]",
      "[[send_email]]",
      "env.staging.",
      "env.production.",
      "[[d1_databases]]",
    ]);
  });

  test("an environment prefix is inserted after the brackets and asks for completion again", () => {
    const item = itemAt(withEnvironments, "env.staging.");
    assert.equal(item.command?.command, "editor.action.triggerSuggest");
    assert.equal(
      accept(withEnvironments, "env.staging."),
      withEnvironments.replace("|", "env.staging."),
    );
    assert.equal(completionsAt(withEnvironments).isIncomplete, true);
  });

  test("`[[env.staging.` offers the kinds inside that environment", () => {
    const fixture = withEnvironments.replace("[[|", "[[env.staging.|");
    assert.equal(
      accept(fixture, "[[env.staging.kv_namespaces]]"),
      withEnvironments.replace("[[|", '[[env.staging.kv_namespaces]]\nbinding = "MY_KV"'),
    );
    assert.ok(!labels(fixture).includes("env.staging."));
  });

  test("top-level-only kinds and tables are not offered inside an environment", () => {
    const inEnv = labels("[env.staging.|");
    const topLevel = labels("[|");
    for (const key of ["wasm_modules", "site", "dev", "alias"]) {
      assert.ok(topLevel.includes(`[${key}]`), key);
      assert.ok(!inEnv.includes(`[env.staging.${key}]`), key);
    }
    assert.ok(inEnv.includes("[env.staging.vars]"));
  });

  test("a new environment header", () => {
    assert.equal(applyRaw('name = "app"\n[|', "[env.NAME]"), 'name = "app"\n[env.${1:name}]');
  });

  test("no label twice, whatever the position", () => {
    for (const fixture of ["[|", "[[|", withEnvironments, "[env.staging.|"]) {
      const found = ranked(fixture).map((item) => item.label);
      assert.equal(new Set(found).size, found.length, fixture);
    }
  });
});
