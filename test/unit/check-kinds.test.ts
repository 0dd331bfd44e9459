import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines, report, type Reported } from "../support/check";

/** The diagnostics without their messages, for tests that are about where and what. */
const brief = (found: Reported[]) => found.map((p) => `${p.at} ${p.severity} ${p.code} ${p.text}`);

describe("rules of each binding kind", () => {
  test("R2 bucket names: 3–63 of a-z, 0-9 and -, alphanumeric at both ends", () => {
    const bucket = (name: string) =>
      report(lines("[[r2_buckets]]", 'binding = "B"', `bucket_name = "${name}"`));
    for (const good of ["abc", "my-bucket-2", "a".repeat(63)])
      assert.deepEqual(bucket(good), [], good);
    for (const bad of ["ab", "My_Bucket", "-bucket", "bucket-", "a".repeat(64)]) {
      assert.deepEqual(brief(bucket(bad)), [`3:15 error invalid-value "${bad}"`], bad);
    }
    assert.equal(
      bucket("My_Bucket")[0]!.message,
      'r2_buckets[0].bucket_name must be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit; "My_Bucket" does not.',
    );
  });

  test("R2 jurisdiction: an unknown one is a warning, since Wrangler passes it on unchecked", () => {
    const found = report(lines("[[r2_buckets]]", 'binding = "B"', 'jurisdiction = "mars"'));
    assert.deepEqual(found, [
      {
        at: "3:16",
        text: '"mars"',
        severity: "warning",
        code: "invalid-value",
        message: 'r2_buckets[0].jurisdiction must be one of "eu", "fedramp", "us".',
      },
    ]);
  });

  test("a pipeline needs stream, or the deprecated pipeline", () => {
    assert.deepEqual(report(lines("[[pipelines]]", 'binding = "P"')), [
      {
        at: "1:1",
        text: "[[pipelines]]",
        severity: "error",
        code: "missing-field",
        message: 'pipelines[0] is missing the required field "stream" (or "pipeline").',
      },
    ]);
  });

  test("migrations entries are checked field by field", () => {
    const text = lines(
      "[[migrations]]",
      'new_classes = ["A"]',
      'renamed_classes = [{ from = "B" }]',
    );
    assert.deepEqual(brief(report(text)), [
      "1:1 error missing-field [[migrations]]",
      '3:20 error missing-field { from = "B" }',
    ]);
  });

  test("a Durable Object's environment needs script_name", () => {
    const text = lines(
      "[[durable_objects.bindings]]",
      'name = "ROOM"',
      'class_name = "Room"',
      'environment = "production"',
      "[[migrations]]",
      'tag = "v1"',
      'new_classes = ["Room"]',
    );
    assert.deepEqual(report(text), [
      {
        at: "4:1",
        text: "environment",
        severity: "error",
        code: "field-requires",
        message:
          'durable_objects.bindings[0].environment only applies together with "script_name", which is missing.',
      },
    ]);
  });

  test("send_email takes destination_address or allowed_destination_addresses, not both", () => {
    const text = lines(
      "[[send_email]]",
      'name = "MAIL"',
      'destination_address = "a@example.com"',
      'allowed_destination_addresses = ["b@example.com"]',
    );
    assert.deepEqual(brief(report(text)), [
      "3:1 error field-conflict destination_address",
      "4:1 error field-conflict allowed_destination_addresses",
    ]);
  });

  test("queue consumers: type must be worker, published limits are warnings", () => {
    const text = lines(
      "[[queues.consumers]]",
      'queue = "jobs"',
      'type = "http_pull"',
      "max_batch_size = 101",
      "max_batch_timeout = 61",
      "max_retries = 101",
      "max_concurrency = 251",
    );
    assert.deepEqual(brief(report(text)), [
      '3:8 error invalid-value "http_pull"',
      "4:18 warning over-limit 101",
      "5:21 warning over-limit 61",
      "6:15 warning over-limit 101",
      "7:19 warning over-limit 251",
    ]);
    assert.equal(
      report(text)[1]!.message,
      "queues.consumers[0].max_batch_size is 101, but it can be at most 100 (Cloudflare's published limit).",
    );
    const atLimits = lines(
      "[[queues.consumers]]",
      'queue = "jobs"',
      'type = "worker"',
      "max_batch_size = 100",
      "max_batch_timeout = 60",
      "max_retries = 100",
      "max_concurrency = 250",
    );
    assert.deepEqual(report(atLimits), []);
  });

  test("a queue consumer needs its queue", () => {
    assert.deepEqual(brief(report(lines("[[queues.consumers]]", "max_batch_size = 1"))), [
      "1:1 error missing-field [[queues.consumers]]",
    ]);
  });

  test("a dispatch namespace's outbound worker needs service", () => {
    const text = lines(
      "[[dispatch_namespaces]]",
      'binding = "D"',
      'namespace = "ns"',
      'outbound = { environment = "production" }',
    );
    assert.deepEqual(report(text), [
      {
        at: "4:12",
        text: '{ environment = "production" }',
        severity: "error",
        code: "missing-field",
        message: 'dispatch_namespaces[0].outbound is missing the required field "service".',
      },
    ]);
  });

  test("an mTLS certificate needs a non-empty certificate_id", () => {
    assert.deepEqual(
      brief(report(lines("[[mtls_certificates]]", 'binding = "C"')))[0],
      "1:1 error missing-field [[mtls_certificates]]",
    );
    assert.deepEqual(
      brief(report(lines("[[mtls_certificates]]", 'binding = "C"', 'certificate_id = ""'))),
      ['3:18 error empty-value ""'],
    );
  });

  test("workflow names: 1–64 letters, digits, _ or -", () => {
    const workflow = (name: string) =>
      report(lines("[[workflows]]", 'binding = "W"', `name = "${name}"`, 'class_name = "Flow"'));
    assert.deepEqual(workflow("order_flow-2"), []);
    assert.deepEqual(brief(workflow("order flow")), ['3:8 error invalid-value "order flow"']);
  });

  test("a rate limit's period is 10 or 60", () => {
    const text = lines(
      "[[ratelimits]]",
      'name = "LIMITER"',
      'namespace_id = "1001"',
      "simple = { limit = 100, period = 30 }",
    );
    assert.deepEqual(brief(report(text)), ["4:34 error invalid-value 30"]);
  });

  test("a TOML date in [vars] is an error that says how to quote it", () => {
    assert.deepEqual(report(lines("[vars]", "LAUNCH = 2025-12-19", 'NAME = "shop"')), [
      {
        at: "2:10",
        text: "2025-12-19",
        severity: "error",
        code: "wrong-type",
        message:
          'vars.LAUNCH is a TOML date, which Wrangler refuses; quote it as a string: "2025-12-19".',
      },
    ]);
  });
});
