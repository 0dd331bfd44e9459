import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { accept, applyRaw, completionsAt, itemAt, labels, ranked } from "../support/completion";

describe("completion of keys in a binding entry", () => {
  test("the fields not yet written, required ones first and marked", () => {
    const fixture = lines("[[services]]", 'binding = "AUTH"', "|");
    assert.deepEqual(labels(fixture), [
      "service",
      "entrypoint",
      "environment",
      "props",
      "remote",
      "dev",
    ]);
    assert.equal(itemAt(fixture, "service").detail, "required · string");
    assert.equal(itemAt(fixture, "remote").detail, "optional · boolean");
  });

  test("a field is written with a value to fill in, quoted for strings", () => {
    const fixture = lines("[[r2_buckets]]", 'binding = "FILES"', "|");
    assert.equal(
      applyRaw(fixture, "bucket_name"),
      fixture.replace("|", 'bucket_name = "${1:my-bucket}"'),
    );
    assert.equal(applyRaw(fixture, "remote"), fixture.replace("|", "remote = ${1|true,false|}"));
    assert.equal(
      applyRaw(fixture, "jurisdiction"),
      fixture.replace("|", 'jurisdiction = "${1|eu,fedramp,us|}"'),
    );
  });

  test("a Durable Object entry: name and class_name first", () => {
    const fixture = lines("[[durable_objects.bindings]]", "|");
    assert.deepEqual(labels(fixture), ["name", "class_name", "script_name", "environment"]);
  });

  test("a field that names a class is left empty and asks for candidates", () => {
    const fixture = lines("[[durable_objects.bindings]]", 'name = "COUNTER"', "cl|");
    const item = itemAt(fixture, "class_name");
    assert.equal(item.command?.command, "editor.action.triggerSuggest");
    assert.equal(accept(fixture, "class_name"), fixture.replace("cl|", 'class_name = ""'));
  });

  test("a field that excludes another one already written is not offered", () => {
    const fixture = lines(
      "[[send_email]]",
      'name = "MAIL"',
      'destination_address = "a@b.dev"',
      "|",
    );
    assert.ok(!labels(fixture).includes("allowed_destination_addresses"));
    assert.ok(labels(fixture).includes("allowed_sender_addresses"));
  });

  test("deprecated fields are not offered", () => {
    assert.ok(!labels(lines("[[queues.producers]]", "|")).includes("delivery_delay"));
  });

  test("keys written after the caret count as present", () => {
    const fixture = lines("[[kv_namespaces]]", "|", 'binding = "CACHE"', 'id = "abc"');
    assert.deepEqual(labels(fixture), ["preview_id", "remote"]);
  });

  test("renaming a key keeps its value", () => {
    const fixture = lines("[[kv_namespaces]]", 'binding = "CACHE"', 'previe|_id = "abc"');
    assert.equal(
      accept(fixture, "preview_id"),
      lines("[[kv_namespaces]]", 'binding = "CACHE"', 'preview_id = "abc"'),
    );
  });

  test("an unclosed inline table at the end of the file", () => {
    const fixture = 'kv_namespaces = [{ binding = "CACHE", |';
    assert.deepEqual(labels(fixture), ["id", "preview_id", "remote"]);
    assert.equal(accept(fixture, "id"), 'kv_namespaces = [{ binding = "CACHE", id = ""');
  });

  test("an inline table inside an environment, spread over lines", () => {
    const fixture = lines(
      "[env.staging]",
      "services = [",
      '  { binding = "AUTH", service = "auth", | },',
      "]",
    );
    assert.deepEqual(labels(fixture).slice(0, 2), ["entrypoint", "environment"]);
  });

  test("a table nested in an entry", () => {
    const fixture = lines("[[ratelimits]]", 'name = "LIMITER"', "simple = { |");
    assert.deepEqual(labels(fixture), ["limit", "period"]);
    assert.equal(accept(fixture, "period"), fixture.replace("|", "period = 60"));
  });

  test("a broken header still tells which kind the keys belong to", () => {
    const fixture = lines("[[mtls_certificates]", 'binding = "CERT"', "|");
    assert.deepEqual(labels(fixture), ["certificate_id", "remote"]);
  });

  test("a configuration table offers its fields, and the binding kinds kept below it", () => {
    assert.ok(labels(lines("[observability]", "|")).includes("head_sampling_rate"));
    assert.deepEqual(labels(lines("[durable_objects]", "|")), ["code_update_strategy", "bindings"]);
  });

  test("nothing in tables of free keys, in comments, or after a complete value", () => {
    assert.deepEqual(completionsAt(lines("[vars]", "|")).items, []);
    assert.deepEqual(completionsAt(lines("[[kv_namespaces]]", "# bind|")).items, []);
    assert.deepEqual(completionsAt(lines("[[kv_namespaces]]", 'binding = "A" |')).items, []);
  });
});

describe("completion of keys at the top level and in environments", () => {
  const topLevel = lines('name = "app"', "|", "", "[[kv_namespaces]]", 'binding = "CACHE"');

  test("settings first, then the binding kinds written inline; present keys left out", () => {
    const found = labels(topLevel);
    assert.deepEqual(found.slice(0, 3), ["main", "compatibility_date", "compatibility_flags"]);
    assert.ok(!found.includes("name"));
    assert.ok(!found.includes("kv_namespaces"), "defined by a header further down");
    assert.ok(found.indexOf("services") > found.indexOf("main"));
    assert.ok(found.indexOf("services") < found.indexOf("d1_databases"));
  });

  test("an array kind is written as an inline array of tables", () => {
    assert.equal(
      applyRaw(topLevel, "services"),
      topLevel.replace(
        "|",
        'services = [{ binding = "${1:BACKEND}", service = "${2:my-backend}" }]',
      ),
    );
  });

  test("a single-table kind is written as an inline table", () => {
    assert.equal(
      accept(topLevel, "browser"),
      topLevel.replace("|", 'browser = { binding = "BROWSER" }'),
    );
  });

  test("a kind kept below another key is written as a dotted key, not a quoted one", () => {
    assert.equal(
      accept(topLevel, "durable_objects.bindings"),
      topLevel.replace(
        "|",
        'durable_objects.bindings = [{ name = "MY_DURABLE_OBJECT", class_name = "MyDurableObject" }]',
      ),
    );
  });

  test("a quoted key's dollar sign stays text in the snippet", () => {
    assert.equal(applyRaw(topLevel, "$schema"), topLevel.replace("|", '"\\$schema" = "$1"'));
  });

  test("a dotted key continues into the table it names", () => {
    const fixture = lines('name = "app"', "durable_objects.|");
    assert.deepEqual(labels(fixture), ["code_update_strategy", "bindings"]);
  });

  test("inside an environment: no top-level-only keys, none already set there", () => {
    const fixture = lines(
      "keep_vars = true",
      "",
      "[env.staging]",
      'name = "app-staging"',
      "|",
      "",
      "[[env.staging.r2_buckets]]",
      'binding = "FILES"',
    );
    const found = labels(fixture);
    for (const absent of ["name", "r2_buckets", "keep_vars", "site", "wasm_modules", "dev"]) {
      assert.ok(!found.includes(absent), absent);
    }
    for (const present of ["main", "kv_namespaces", "vars"]) {
      assert.ok(found.includes(present), present);
    }
  });

  test("no label twice, whatever the position", () => {
    const fixtures = [
      topLevel,
      lines("[env.staging]", "|"),
      lines("[[services]]", "|"),
      lines("[durable_objects]", "|"),
    ];
    for (const fixture of fixtures) {
      const found = ranked(fixture).map((item) => item.label);
      assert.ok(found.length > 0, fixture);
      assert.equal(new Set(found).size, found.length, fixture);
    }
  });
});
