import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { actionsFor, fix } from "../support/quick-fix";

describe("quick fix: copy a top-level binding kind into an environment", () => {
  test("header entries are copied as written, at the end of the environment's last section", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "CACHE" # page cache',
      'id = "abc123"',
      "",
      "[env.staging]",
      'name = "shop-staging"',
      "[env.staging.vars]",
      'MODE = "test"',
      "",
      "[env.production]",
      "[[env.production.kv_namespaces]]",
      'binding = "CACHE"',
    );
    const fixed = fix(text, "env-missing-kind");
    assert.equal(fixed.title, "Copy kv_namespaces from the top level into env.staging");
    assert.equal(fixed.preferred, false);
    assert.equal(
      fixed.text,
      lines(
        "[[kv_namespaces]]",
        'binding = "CACHE" # page cache',
        'id = "abc123"',
        "",
        "[env.staging]",
        'name = "shop-staging"',
        "[env.staging.vars]",
        'MODE = "test"',
        "",
        "[[env.staging.kv_namespaces]]",
        'binding = "CACHE" # page cache',
        'id = "abc123"',
        "",
        "[env.production]",
        "[[env.production.kv_namespaces]]",
        'binding = "CACHE"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("several R2 entries, each one a block; the blank lines of the file stay", () => {
    const text = lines(
      "[[r2_buckets]]",
      'binding = "FILES"',
      'bucket_name = "files"',
      "",
      "[[r2_buckets]]",
      'binding = "LOGS"',
      "",
      "[env.staging]",
      'name = "staging"',
    );
    const fixed = fix(text, "env-missing-kind");
    assert.equal(
      fixed.text,
      lines(
        "[[r2_buckets]]",
        'binding = "FILES"',
        'bucket_name = "files"',
        "",
        "[[r2_buckets]]",
        'binding = "LOGS"',
        "",
        "[env.staging]",
        'name = "staging"',
        "",
        "[[env.staging.r2_buckets]]",
        'binding = "FILES"',
        'bucket_name = "files"',
        "",
        "[[env.staging.r2_buckets]]",
        'binding = "LOGS"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an inline list becomes the same statement under [env.NAME]", () => {
    const text = lines(
      'name = "shop"',
      'queues.producers = [{ binding = "JOBS", queue = "jobs" }]',
      "",
      "[vars]",
      'A = "1"',
      "",
      "[env.staging] # pre-production",
      'name = "shop-staging"',
      "",
      "[env.production]",
    );
    const fixed = fix(text, "env-missing-kind");
    assert.equal(fixed.title, "Copy queues.producers from the top level into env.staging");
    assert.equal(
      fixed.text,
      lines(
        'name = "shop"',
        'queues.producers = [{ binding = "JOBS", queue = "jobs" }]',
        "",
        "[vars]",
        'A = "1"',
        "",
        "[env.staging] # pre-production",
        'name = "shop-staging"',
        'queues.producers = [{ binding = "JOBS", queue = "jobs" }]',
        "",
        "[env.production]",
      ),
    );
    assert.equal(fixed.stillReported, false);
    // What is left: staging lacks [vars]; production lacks both kinds.
    assert.deepEqual(fixed.codes, ["env-missing-kind", "env-missing-kind", "env-missing-kind"]);
  });

  test("a list inside [durable_objects] gets its own [env.NAME.durable_objects] table", () => {
    const text = lines(
      "[durable_objects]",
      'bindings = [{ name = "ROOMS", class_name = "Room" }]',
      "[[migrations]]",
      'tag = "v1"',
      'new_sqlite_classes = ["Room"]',
      "[env.staging]",
      'name = "staging"',
    );
    const fixed = fix(text, "env-missing-kind");
    assert.equal(
      fixed.text,
      lines(
        "[durable_objects]",
        'bindings = [{ name = "ROOMS", class_name = "Room" }]',
        "[[migrations]]",
        'tag = "v1"',
        'new_sqlite_classes = ["Room"]',
        "[env.staging]",
        'name = "staging"',
        "",
        "[env.staging.durable_objects]",
        'bindings = [{ name = "ROOMS", class_name = "Room" }]',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("each diagnostic of one environment copies its own kind; email senders in a CRLF file", () => {
    const text = [
      "[[send_email]]",
      'name = "MAILER"',
      'destination_address = "ops@example.com"',
      "[[services]]",
      'binding = "API"',
      'service = "api"',
      "[env.production.vars]",
      'MODE = "live"',
      "",
    ].join("\r\n");
    // Both diagnostics stand on `production`; the first is about services, the second email.
    const email = fix(text, "env-missing-kind", 1);
    assert.equal(email.title, "Copy send_email from the top level into env.production");
    assert.equal(
      email.text,
      [
        "[[send_email]]",
        'name = "MAILER"',
        'destination_address = "ops@example.com"',
        "[[services]]",
        'binding = "API"',
        'service = "api"',
        "[env.production.vars]",
        'MODE = "live"',
        "",
        "[[env.production.send_email]]",
        'name = "MAILER"',
        'destination_address = "ops@example.com"',
        "",
      ].join("\r\n"),
    );
    assert.equal(email.stillReported, false);
    assert.equal(
      fix(text, "env-missing-kind", 0).title,
      "Copy services from the top level into env.production",
    );
  });

  test("an environment made by dotted keys gets header blocks, which TOML allows after them", () => {
    // A [env.staging] header would define the dotted table twice, so the inline entry is
    // written as a header block instead.
    const text = lines('kv_namespaces = [{ binding = "A" }]', 'env.staging.name = "s"');
    const fixed = fix(text, "env-missing-kind");
    assert.equal(
      fixed.text,
      lines(
        'kv_namespaces = [{ binding = "A" }]',
        'env.staging.name = "s"',
        "",
        "[[env.staging.kv_namespaces]]",
        'binding = "A"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });
});

describe("quick fix: copy the top-level bindings an environment's list lacks", () => {
  test("after the environment's last entry of the kind, as header blocks", () => {
    const text = lines(
      "[[queues.producers]]",
      'binding = "JOBS"',
      'queue = "jobs"',
      "[[queues.producers]]",
      'binding = "MAIL"',
      'queue = "mail"',
      "",
      "[[env.staging.queues.producers]]",
      'binding = "JOBS"',
      'queue = "jobs-staging"',
      "[env.staging.vars]",
      'MODE = "test"',
    );
    const fixed = fix(text, "env-missing-binding");
    assert.equal(fixed.title, 'Copy "MAIL" from the top level into env.staging.queues.producers');
    assert.equal(
      fixed.text,
      lines(
        "[[queues.producers]]",
        'binding = "JOBS"',
        'queue = "jobs"',
        "[[queues.producers]]",
        'binding = "MAIL"',
        'queue = "mail"',
        "",
        "[[env.staging.queues.producers]]",
        'binding = "JOBS"',
        'queue = "jobs-staging"',
        "",
        "[[env.staging.queues.producers]]",
        'binding = "MAIL"',
        'queue = "mail"',
        "",
        "[env.staging.vars]",
        'MODE = "test"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("into an inline list, converting a header entry to an inline table", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "A"',
      "[[kv_namespaces]]",
      'binding = "B"',
      'id = "b1"',
      "[env.staging]",
      'kv_namespaces = [{ binding = "A" }] # trimmed',
    );
    const fixed = fix(text, "env-missing-binding");
    assert.equal(
      fixed.text,
      lines(
        "[[kv_namespaces]]",
        'binding = "A"',
        "[[kv_namespaces]]",
        'binding = "B"',
        'id = "b1"',
        "[env.staging]",
        'kv_namespaces = [{ binding = "A" }, { binding = "B", id = "b1" }] # trimmed',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an inline top-level entry into an environment's header list", () => {
    const text = lines(
      'services = [{ binding = "API", service = "api" }, { binding = "AUTH", service = "auth" }]',
      "[[env.staging.services]]",
      'binding = "API"',
      'service = "api-staging"',
    );
    const fixed = fix(text, "env-missing-binding");
    assert.equal(
      fixed.text,
      lines(
        'services = [{ binding = "API", service = "api" }, { binding = "AUTH", service = "auth" }]',
        "[[env.staging.services]]",
        'binding = "API"',
        'service = "api-staging"',
        "",
        "[[env.staging.services]]",
        'binding = "AUTH"',
        'service = "auth"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("variables are copied as statements", () => {
    const text = lines(
      "[vars]",
      'MODE = "live"',
      "RETRIES = 3 # per request",
      "[env.staging.vars]",
      'MODE = "test"',
    );
    const fixed = fix(text, "env-missing-binding");
    assert.equal(
      fixed.text,
      lines(
        "[vars]",
        'MODE = "live"',
        "RETRIES = 3 # per request",
        "[env.staging.vars]",
        'MODE = "test"',
        "RETRIES = 3",
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("nothing for a single-table kind, which cannot hold a second binding", () => {
    const text = lines("[ai]", 'binding = "AI"', "[env.staging.ai]", 'binding = "MODEL"');
    assert.deepEqual(actionsFor(text, "env-missing-binding").actions, []);
  });
});
