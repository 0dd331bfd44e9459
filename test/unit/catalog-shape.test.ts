/**
 * The catalog on its own terms: the core kinds first and in order, no key twice, every kind's
 * texts and name field, every field well formed at any depth, and the lookups features use.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  bindingKinds,
  configKeys,
  coreKinds,
  docsUrl,
  findConfigKey,
  findKind,
  inheritedKeys,
  kindsUnder,
  topLevelOnlyKeys,
} from "../../server/src/catalog";
import type { FieldSpec, ValueType } from "../../server/src/catalog/types";
import { ourTypes } from "../support/catalog";

describe("the shape of the catalog", () => {
  test("the nine core kinds come first, in order, and no other kind is core", () => {
    const expected = [
      "services",
      "kv_namespaces",
      "durable_objects.bindings",
      "r2_buckets",
      "queues.producers",
      "queues.consumers",
      "dispatch_namespaces",
      "mtls_certificates",
      "send_email",
    ];
    assert.deepEqual(
      coreKinds.map((kind) => kind.key),
      expected,
    );
    assert.deepEqual(
      bindingKinds.slice(0, 9).map((kind) => kind.key),
      expected,
    );
    assert.ok(bindingKinds.every((kind, i) => (kind.core === true) === i < 9));
  });

  test("no key is listed twice, across kinds and config keys", () => {
    const names = [...bindingKinds.map((k) => k.key), ...configKeys.map((k) => k.name)];
    assert.deepEqual(
      names.filter((name, i) => names.indexOf(name) !== i),
      [],
    );
  });

  for (const kind of bindingKinds) {
    test(`${kind.key}: texts, docs, runtime type and name field`, () => {
      assert.match(kind.docs, /^\/[^\s]*$/);
      assert.ok(kind.title.length > 0);
      assert.ok(kind.summary.length > 0 && kind.summary.length <= 70, "summary fits one line");
      assert.ok(!kind.summary.includes("\n") && !kind.summary.endsWith("."), "summary is a line");
      assert.match(kind.description, /^[A-Z`[].*[.)]$/s, "description is sentences");
      assert.ok(kind.description.split(/[.!?] /).length <= 3, "description has 1–3 sentences");
      assert.equal(kind.runtimeType !== undefined, kind.names.from !== "none", "runtime type");

      const names = kind.names;
      if (names.from === "field" || names.from === "list") {
        const spec = kind.fields.find((f) => f.name === names.field);
        assert.ok(spec, `the name field ${names.field} is one of the fields`);
        assert.equal(spec.type, names.from === "field" ? "string" : "array");
        if (names.from === "field") assert.equal(spec.required === true, !names.optional);
      }
      assert.equal(kind.valueType !== undefined, names.from === "keys", "keyed kinds type values");
    });

    test(`${kind.key}: every field is well formed`, () => checkFields(kind.key, kind.fields));
  }

  for (const key of configKeys) {
    test(`config key ${key.name}: texts and fields are well formed`, () => {
      assert.ok(key.description.length > 0);
      if (key.docs !== undefined) assert.match(key.docs, /^\/[^\s]*$/);
      const status =
        key.status && ("removed" in key.status ? key.status.removed : key.status.legacy);
      if (key.status) assert.ok(status && status.length > 0, "an old key says what to do");
      assert.ok(!(key.inherited && key.topLevelOnly), "inherited keys stand in environments");
      checkFields(key.name, key.fields ?? []);
    });
  }

  test("core kinds give an example for every required field, for Add binding", () => {
    for (const kind of coreKinds) {
      for (const spec of kind.fields.filter((f) => f.required)) {
        assert.notEqual(spec.example, undefined, `${kind.key}.${spec.name}`);
      }
    }
  });

  test("the patterns accept and refuse what Wrangler does", () => {
    const bucket = findKind("r2_buckets")!.fields.find((f) => f.name === "bucket_name")!.pattern!;
    for (const ok of ["abc", "my-bucket-2", "a".repeat(63)]) assert.match(ok, bucket.regex);
    for (const bad of ["ab", "-abc", "abc-", "My-bucket", "a_b", "a".repeat(64)]) {
      assert.doesNotMatch(bad, bucket.regex);
    }
    const workflow = findKind("workflows")!.fields.find((f) => f.name === "name")!.pattern!;
    for (const ok of ["w", "_flow", "My-Flow_2", "a".repeat(64)]) assert.match(ok, workflow.regex);
    for (const bad of ["", "-flow", "a b", "a".repeat(65)])
      assert.doesNotMatch(bad, workflow.regex);
  });
});

/** Checks what every field must satisfy, at any depth. */
function checkFields(label: string, fields: readonly FieldSpec[]): void {
  const names = fields.map((f) => f.name);
  assert.deepEqual(
    names.filter((name, i) => names.indexOf(name) !== i),
    [],
    `${label}: duplicate fields`,
  );
  for (const spec of fields) {
    const where = `${label}.${spec.name}`;
    assert.ok(spec.description.length > 0, `${where} has a description`);
    for (const other of [spec.requires, spec.conflictsWith, spec.requiredUnless]) {
      if (other !== undefined) assert.ok(names.includes(other), `${where} names a sibling`);
    }
    if (spec.conflictsWith) {
      const other = fields.find((f) => f.name === spec.conflictsWith)!;
      assert.equal(other.conflictsWith, spec.name, `${where}: conflicts go both ways`);
    }
    if (spec.valuesSeverity) assert.ok(spec.values, `${where}: valuesSeverity needs values`);
    if (spec.items !== undefined) assert.ok(ourTypes(spec.type).has("array"), `${where}: items`);
    if (spec.example !== undefined) checkExample(where, spec);
    if (spec.fields) checkFields(where, spec.fields);
  }
}

function checkExample(where: string, spec: FieldSpec): void {
  const example = spec.example!;
  const type = typeof example === "number" ? "number" : (typeof example as ValueType);
  assert.ok(ourTypes(spec.type).has(type), `${where}: the example has the field's type`);
  if (spec.values) assert.ok(spec.values.includes(example as string | number), where);
  if (spec.pattern && typeof example === "string") assert.match(example, spec.pattern.regex);
  if (spec.nonEmpty) assert.notEqual(example, "", where);
}

describe("the lookups", () => {
  test("find kinds by key path and config keys by name", () => {
    assert.equal(findKind("queues.producers")?.title, "Queue producer");
    assert.equal(findKind("queues"), undefined);
    assert.equal(findConfigKey("queues")?.fields?.[0]?.name, "bindings");
    assert.equal(findConfigKey("node_compat")?.status !== undefined, true);
    assert.deepEqual(
      kindsUnder("queues").map((kind) => kind.key),
      ["queues.producers", "queues.consumers"],
    );
    assert.equal(docsUrl("/r2/"), "https://developers.cloudflare.com/r2/");
  });

  test("the top-level-only and inherited sets name top-level keys", () => {
    assert.ok(topLevelOnlyKeys.has("wasm_modules") && topLevelOnlyKeys.has("site"));
    assert.ok(!topLevelOnlyKeys.has("migrations") && !topLevelOnlyKeys.has("vars"));
    assert.ok(inheritedKeys.has("assets") && inheritedKeys.has("logfwdr"));
    assert.ok(inheritedKeys.has("migrations") && !inheritedKeys.has("kv_namespaces"));
  });
});
