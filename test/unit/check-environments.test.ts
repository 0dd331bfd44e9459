import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines, report } from "../support/check";

describe("environments", () => {
  test("every environment is checked, each problem reported in place", () => {
    const text = lines(
      "[env.staging]",
      "[[env.staging.kv_namespaces]]",
      'binding = "CACHE"',
      'id = ""',
      "[env.production.r2_buckets]",
      'binding = "X"',
    );
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.severity} ${p.code} ${p.message}`),
      [
        "4:6 error empty-value env.staging.kv_namespaces[0].id must not be empty.",
        "5:1 error wrong-shape env.production.r2_buckets must be an array of tables: [[env.production.r2_buckets]] headers or r2_buckets = [{ binding = … }].",
      ],
    );
  });

  test("a kind bound at the top level but absent from an environment is a warning on the environment", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      "[[d1_databases]]",
      'binding = "DB"',
      "[env.staging]",
      'name = "shop-staging"',
    );
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.severity} ${p.code} ${p.text}: ${p.message}`),
      [
        "5:6 warning env-missing-kind staging: env.staging has no kv_namespaces, and environments do not inherit bindings from the top level. In staging, env.CACHE is undefined. Add them under env.staging if staging needs them.",
        "5:6 warning env-missing-kind staging: env.staging has no d1_databases, and environments do not inherit bindings from the top level. In staging, env.DB is undefined. Add them under env.staging if staging needs them.",
      ],
    );
  });

  test("a binding name missing from an environment's list is a warning on that list", () => {
    const text = lines(
      'kv_namespaces = [{ binding = "A" }, { binding = "B" }]',
      "[env.staging]",
      'kv_namespaces = [{ binding = "A" }]',
    );
    assert.deepEqual(report(text), [
      {
        at: "3:1",
        text: "kv_namespaces",
        severity: "warning",
        code: "env-missing-binding",
        message:
          'env.staging.kv_namespaces lacks "B", bound at the top level; in staging, env.B is undefined.',
      },
    ]);
  });

  test("vars are not inherited either; assets are", () => {
    const text = lines(
      "[assets]",
      'directory = "./public"',
      'binding = "ASSETS"',
      "[vars]",
      'GREETING = "hi"',
      "[env.staging.vars]",
      'OTHER = "x"',
    );
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.code} ${p.text}`),
      ["6:14 env-missing-binding vars"],
    );
  });

  test("an environment named only through a dotted key is still checked", () => {
    const text = lines("[[kv_namespaces]]", 'binding = "A"', "[env]", 'staging.name = "s"');
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.code} ${p.text}`),
      ["4:1 env-missing-kind staging"],
    );
  });
});
