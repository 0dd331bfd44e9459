import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines, report } from "../support/check";

describe("binding names", () => {
  test("a name that is not a JavaScript identifier is a warning with a usable suggestion", () => {
    assert.deepEqual(report(lines("[[kv_namespaces]]", 'binding = "my-cache"')), [
      {
        at: "2:11",
        text: '"my-cache"',
        severity: "warning",
        code: "invalid-binding-name",
        message:
          '"my-cache" is not a valid JavaScript identifier, so the Worker cannot write env.my-cache; use letters, digits, _ or $, not starting with a digit (for example "my_cache").',
      },
    ]);
    const [leadingDigit] = report(lines("[vars]", '"2FA_SECRET" = "x"'));
    assert.equal(leadingDigit?.text, '"2FA_SECRET"');
    assert.match(leadingDigit!.message, /\(for example "_2FA_SECRET"\)\.$/);
  });

  test("identifiers with $, _ and non-ASCII letters are fine", () => {
    assert.deepEqual(report(lines("[vars]", '"$A" = "1"', '_b = "2"', '"café" = "3"')), []);
  });

  test("the same name twice in one environment is an error at each place, pointing to the other", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "STORE"',
      "[[r2_buckets]]",
      'binding = "STORE"',
    );
    const message =
      '"STORE" is bound 2 times at the top level (KV namespace and R2 bucket); env.STORE can only be one of them. Rename all but one.';
    assert.deepEqual(report(text), [
      { at: "2:11", text: '"STORE"', severity: "error", code: "duplicate-binding", message },
      { at: "4:11", text: '"STORE"', severity: "error", code: "duplicate-binding", message },
    ]);
  });

  test("vars, secrets.required, send_email and ratelimits names count too", () => {
    const text = lines(
      "[vars]",
      'TOKEN = "x"',
      "[secrets]",
      'required = ["TOKEN"]',
      "[[send_email]]",
      'name = "MAIL"',
      "[[ratelimits]]",
      'name = "MAIL"',
      'namespace_id = "1"',
      "simple = { limit = 1, period = 10 }",
    );
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.code} ${p.text}`),
      [
        "2:1 duplicate-binding TOKEN",
        '4:13 duplicate-binding "TOKEN"',
        '6:8 duplicate-binding "MAIL"',
        '8:8 duplicate-binding "MAIL"',
      ],
    );
  });

  test("the same name in two environments is fine", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      "[[env.staging.kv_namespaces]]",
      'binding = "CACHE"',
    );
    assert.deepEqual(report(text), []);
  });

  test("duplicates inside an environment are reported in place", () => {
    const text = lines("[env.staging]", 'kv_namespaces = [{ binding = "A" }, { binding = "A" }]');
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.code} ${p.message}`),
      [
        '2:30 duplicate-binding "A" is bound 2 times in env.staging (KV namespace); env.A can only be one of them. Rename all but one.',
        '2:49 duplicate-binding "A" is bound 2 times in env.staging (KV namespace); env.A can only be one of them. Rename all but one.',
      ],
    );
  });
});
