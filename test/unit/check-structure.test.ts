import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines, report } from "../support/check";

describe("keys and shapes", () => {
  test("a clean file with every core kind reports nothing", () => {
    const text = lines(
      'name = "shop"',
      'main = "src/index.ts"',
      'compatibility_date = "2025-09-01"',
      '[[services]]\nbinding = "AUTH"\nservice = "auth"',
      '[[kv_namespaces]]\nbinding = "CACHE"\nid = "0123456789abcdef0123456789abcdef"',
      '[[durable_objects.bindings]]\nname = "ROOM"\nclass_name = "Room"',
      '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]',
      '[[r2_buckets]]\nbinding = "FILES"\nbucket_name = "files"\njurisdiction = "eu"',
      '[[queues.producers]]\nbinding = "JOBS"\nqueue = "jobs"',
      '[[queues.consumers]]\nqueue = "jobs"\nmax_batch_size = 10\ndead_letter_queue = "jobs-dlq"',
      '[[dispatch_namespaces]]\nbinding = "TENANTS"\nnamespace = "tenants"',
      'outbound = { service = "outbound-worker", parameters = ["customer"] }',
      '[[mtls_certificates]]\nbinding = "CERT"\ncertificate_id = "abc"',
      '[[send_email]]\nname = "MAIL"\ndestination_address = "a@example.com"',
    );
    assert.deepEqual(report(text), []);
  });

  test("an unknown top-level key is a warning with the closest known key", () => {
    assert.deepEqual(
      report(lines("[[kv_namespace]]", 'binding = "A"', "[[send_mail]]", 'name = "M"')),
      [
        {
          at: "1:3",
          text: "kv_namespace",
          severity: "warning",
          code: "unknown-key",
          message:
            '"kv_namespace" is not a key Wrangler knows at the top level; it is ignored. Did you mean "kv_namespaces"?',
        },
        {
          at: "3:3",
          text: "send_mail",
          severity: "warning",
          code: "unknown-key",
          message:
            '"send_mail" is not a key Wrangler knows at the top level; it is ignored. Did you mean "send_email"?',
        },
      ],
    );
  });

  test("queue.producers (singular) suggests queues", () => {
    const [problem] = report(lines("[[queue.producers]]", 'binding = "Q"', 'queue = "q"'));
    assert.equal(problem?.text, "queue");
    assert.match(problem!.message, /Did you mean "queues"\?$/);
  });

  test("a key nobody knows gets no suggestion", () => {
    assert.deepEqual(report(lines('frobnicate = "yes"')), [
      {
        at: "1:1",
        text: "frobnicate",
        severity: "warning",
        code: "unknown-key",
        message: '"frobnicate" is not a key Wrangler knows at the top level; it is ignored.',
      },
    ]);
  });

  test("a binding key of the wrong shape is an error on its value", () => {
    assert.deepEqual(report(lines("[kv_namespaces]", 'binding = "A"')), [
      {
        at: "1:1",
        text: '[kv_namespaces]\nbinding = "A"',
        severity: "error",
        code: "wrong-shape",
        message:
          "kv_namespaces must be an array of tables: [[kv_namespaces]] headers or kv_namespaces = [{ binding = … }].",
      },
    ]);
    assert.deepEqual(report(lines("browser = true")), [
      {
        at: "1:11",
        text: "true",
        severity: "error",
        code: "wrong-shape",
        message: "browser must be a table: a [browser] header or browser = { binding = … }.",
      },
    ]);
  });

  test("an entry that is not a table is an error", () => {
    assert.deepEqual(report(lines('kv_namespaces = ["CACHE"]')), [
      {
        at: "1:18",
        text: '"CACHE"',
        severity: "error",
        code: "wrong-shape",
        message: "Each entry of kv_namespaces must be a table such as { binding = … }.",
      },
    ]);
  });

  test("a missing required field is an error on the entry's header, or on the inline entry", () => {
    assert.deepEqual(report(lines("[[services]]", 'binding = "AUTH"')), [
      {
        at: "1:1",
        text: "[[services]]",
        severity: "error",
        code: "missing-field",
        message: 'services[0] is missing the required field "service".',
      },
    ]);
    assert.deepEqual(report(lines('services = [{ binding = "AUTH" }]')), [
      {
        at: "1:13",
        text: '{ binding = "AUTH" }',
        severity: "error",
        code: "missing-field",
        message: 'services[0] is missing the required field "service".',
      },
    ]);
  });

  test("a value of the wrong type is an error on the value", () => {
    assert.deepEqual(report(lines("[[kv_namespaces]]", "binding = 42")), [
      {
        at: "2:11",
        text: "42",
        severity: "error",
        code: "wrong-type",
        message: "kv_namespaces[0].binding must be a string, not a number.",
      },
    ]);
  });

  test("an empty id is an error", () => {
    assert.deepEqual(report(lines("[[kv_namespaces]]", 'binding = "A"', 'id = ""')), [
      {
        at: "3:6",
        text: '""',
        severity: "error",
        code: "empty-value",
        message: "kv_namespaces[0].id must not be empty.",
      },
    ]);
  });

  test("an unknown field in a binding is a warning with the closest field", () => {
    assert.deepEqual(report(lines("[[r2_buckets]]", 'binding = "A"', 'bucket = "files"')), [
      {
        at: "3:1",
        text: "bucket",
        severity: "warning",
        code: "unknown-field",
        message:
          'r2_buckets[0] has no field "bucket"; Wrangler ignores it. Did you mean "bucket_name"?',
      },
    ]);
  });

  test("kinds Wrangler leaves open accept unknown fields", () => {
    assert.deepEqual(
      report(lines("[[services]]", 'binding = "A"', 'service = "s"', "extra = 1")),
      [],
    );
  });

  test("keys removed in Wrangler 4 are errors; old keys are warnings saying what replaced them", () => {
    const found = report(
      lines("node_compat = true", 'type = "javascript"', 'usage_model = "bundled"'),
    );
    assert.deepEqual(
      found.map((p) => [p.at, p.text, p.severity, p.code]),
      [
        ["1:1", "node_compat", "error", "removed-key"],
        ["2:1", "type", "warning", "legacy-key"],
        ["3:1", "usage_model", "warning", "legacy-key"],
      ],
    );
    assert.match(found[0]!.message, /^node_compat is no longer supported: .*nodejs_compat/);
    assert.match(found[1]!.message, /^type is ignored by Wrangler: ./);
  });

  test("the hyphenated [[kv-namespaces]] of old Wrangler is a legacy key", () => {
    const [problem] = report(lines("[[kv-namespaces]]", 'binding = "A"'));
    assert.equal(problem?.code, "legacy-key");
    assert.match(problem!.message, /kv_namespaces/);
  });

  test("a top-level-only key inside an environment is a warning", () => {
    assert.deepEqual(report(lines("[env.staging]", "keep_vars = true")), [
      {
        at: "2:1",
        text: "keep_vars",
        severity: "warning",
        code: "top-level-only",
        message:
          'env.staging.keep_vars: "keep_vars" is only read at the top level of the file; Wrangler ignores it inside an environment.',
      },
    ]);
  });

  test("a deprecated field is a warning tagged deprecated", () => {
    const [problem] = report(
      lines("[[queues.producers]]", 'binding = "Q"', 'queue = "q"', "delivery_delay = 5"),
    );
    assert.equal(problem?.code, "deprecated-field");
    assert.equal(problem?.text, "delivery_delay");
    assert.equal(problem?.severity, "warning");
  });

  test("a wrong type in a non-binding key is an error", () => {
    assert.deepEqual(report(lines('workers_dev = "yes"')), [
      {
        at: "1:15",
        text: '"yes"',
        severity: "error",
        code: "wrong-type",
        message: "workers_dev must be true or false, not a string.",
      },
    ]);
  });
});
