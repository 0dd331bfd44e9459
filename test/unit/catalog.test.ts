/**
 * The catalog against Wrangler 4.164.0: its JSON Schema for coverage (every key, every field,
 * what is required, what may stand in an environment), and Wrangler's own checker for what the
 * schema cannot show (which examples it accepts, what old keys cost, what environments inherit).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";

import {
  bindingKinds,
  configKeys,
  coreKinds,
  docsUrl,
  findConfigKey,
  findKind,
  inheritedKeys,
  isContainerKey,
  kindsUnder,
  topLevelOnlyKeys,
} from "../../server/src/catalog";
import type { BindingKind, ConfigKey, FieldSpec, ValueType } from "../../server/src/catalog/types";
import { wranglerVerdict } from "../support/wrangler-oracle";

interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly $ref?: string;
  readonly const?: unknown;
}

const wranglerDir = path.dirname(createRequire(import.meta.url).resolve("wrangler/package.json"));
const schema = JSON.parse(readFileSync(path.join(wranglerDir, "config-schema.json"), "utf8")) as {
  definitions: Record<string, SchemaNode>;
};
const topLevel = schema.definitions.RawConfig!.properties!;
const inEnvironment = schema.definitions.RawEnvironment!.properties!;

/**
 * Where our catalog knowingly differs from the schema, keyed by field path, with the reason.
 * Wrangler's checks win over the schema: they decide what `wrangler deploy` does.
 */
const schemaExceptions: Readonly<Record<string, string>> = {
  "services.environment": "Wrangler's check reads it; the schema leaves it out",
  "services.dev": "Wrangler's check reads it; the schema leaves it out",
  "send_email.binding": "Wrangler lists it as accepted; the schema leaves it out",
  "dependencies_instrumentation.enabled": "the schema requires it, Wrangler's check does not",
  "python_modules.exclude": "the schema requires it, Wrangler accepts the table without it",
  "dev.container_engine":
    "the schema allows a table, Wrangler's check errors on anything but a string",
};

function resolve(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.$ref !== undefined) current = schema.definitions[current.$ref.split("/").pop()!]!;
  return current;
}

/** The object shapes a node allows, through references, unions and array items. */
function objectShapes(node: SchemaNode): SchemaNode[] {
  const resolved = resolve(node);
  if (resolved.anyOf) return resolved.anyOf.flatMap(objectShapes);
  if (resolved.type === "array" && resolved.items) return objectShapes(resolved.items);
  return resolved.type === "object" ? [resolved] : [];
}

/** The value types a node allows, in the catalog's terms (numbers all count as `number`). */
function schemaTypes(node: SchemaNode): Set<ValueType> {
  const resolved = resolve(node);
  if (resolved.anyOf) return new Set(resolved.anyOf.flatMap((option) => [...schemaTypes(option)]));
  const declared = resolved.type ?? (resolved.const === undefined ? [] : typeof resolved.const);
  const types = typeof declared === "string" ? [declared] : declared;
  const named: Record<string, ValueType | undefined> = { object: "table", integer: "number" };
  return new Set(
    types.filter((type) => type !== "null").map((type) => named[type] ?? (type as ValueType)),
  );
}

function ourTypes(type: ValueType | readonly ValueType[]): Set<ValueType> {
  const types = typeof type === "string" ? [type] : type;
  return new Set(types.map((t) => (t === "integer" ? "number" : t)));
}

/** The schema node of a top-level key path: `kv_namespaces`, `queues.producers`. */
function schemaAt(keyPath: string): SchemaNode | undefined {
  const [first, ...rest] = keyPath.split(".");
  let node: SchemaNode | undefined = topLevel[first!];
  for (const part of rest) {
    node = node && objectShapes(node).find((shape) => shape.properties?.[part])?.properties?.[part];
  }
  return node;
}

/**
 * Compares our fields with the schema's object shapes, recursing into nested tables. `members`
 * are properties held by binding kinds below a container key rather than by fields.
 */
function compareFields(
  label: string,
  fields: readonly FieldSpec[],
  shapes: readonly SchemaNode[],
  members: ReadonlySet<string> = new Set(),
): void {
  const properties = new Map<string, SchemaNode>();
  for (const shape of shapes) {
    for (const [name, node] of Object.entries(shape.properties ?? {})) properties.set(name, node);
  }
  const requiredEverywhere = (name: string) =>
    shapes.length > 0 && shapes.every((shape) => shape.required?.includes(name));
  const ours = new Map(fields.map((spec) => [spec.name, spec]));

  for (const name of properties.keys()) {
    if (members.has(name)) continue;
    assert.ok(ours.has(name), `${label}.${name} is in the schema but not in the catalog`);
  }

  for (const spec of fields) {
    const where = `${label}.${spec.name}`;
    const node = properties.get(spec.name);
    if (node === undefined) {
      assert.ok(
        spec.deprecated !== undefined || where in schemaExceptions,
        `${where} is in the catalog but not in the schema`,
      );
      continue;
    }
    if (where in schemaExceptions) continue;

    const schemaRequired = requiredEverywhere(spec.name);
    assert.equal(spec.required === true, schemaRequired, `${where}: required differs`);
    assert.deepEqual(ourTypes(spec.type), schemaTypes(node), `${where}: types differ`);
    if (spec.fields) compareFields(where, spec.fields, objectShapes(node));
  }
}

describe("coverage of Wrangler's schema", () => {
  test("every top-level and environment key is a kind, a container or a config key", () => {
    for (const name of new Set([...Object.keys(topLevel), ...Object.keys(inEnvironment)])) {
      const known = findKind(name) ?? findConfigKey(name);
      assert.ok(known, `the schema's "${name}" is missing from the catalog`);
      assert.equal(findConfigKey(name)?.status, undefined, `"${name}" is current, not old`);
    }
  });

  test("every catalog key Wrangler still reads is in the schema, and no old key is", () => {
    for (const kind of bindingKinds) {
      assert.ok(kind.key.split(".")[0]! in topLevel, `kind ${kind.key} is not in the schema`);
    }
    for (const key of configKeys) {
      assert.equal(key.name in topLevel, key.status === undefined, `config key ${key.name}`);
    }
  });

  test("a key is top-level only exactly when the schema leaves it out of environments", () => {
    for (const name of Object.keys(topLevel)) {
      const entry = findKind(name) ?? findConfigKey(name);
      assert.equal(entry?.topLevelOnly === true, !(name in inEnvironment), name);
    }
  });

  test("container keys are the tables whose members include binding kinds", () => {
    const containers = new Set(
      bindingKinds.filter((k) => k.key.includes(".")).map((k) => k.key.split(".")[0]!),
    );
    assert.deepEqual([...containers].sort(), ["durable_objects", "logfwdr", "queues", "unsafe"]);
    for (const name of containers) {
      assert.ok(isContainerKey(name) && findConfigKey(name), `${name} is a container key`);
    }
    assert.ok(!isContainerKey("kv_namespaces") && !isContainerKey("observability"));
  });

  for (const kind of bindingKinds) {
    test(`${kind.key}: fields, required fields and types match the schema`, () => {
      const node = schemaAt(kind.key);
      assert.ok(node, `${kind.key} has no schema entry`);
      assert.equal(resolve(node).type, kind.shape === "array" ? "array" : "object", "shape");
      compareFields(kind.key, kind.fields, objectShapes(node));
    });
  }

  for (const key of configKeys.filter((k) => k.status === undefined)) {
    test(`${key.name}: type and fields match the schema`, () => {
      const node = topLevel[key.name]!;
      const types = schemaTypes(node);
      if (key.name !== "$schema") assert.deepEqual(ourTypes(key.type), types, "types differ");
      if (key.openFields && key.fields === undefined) return;
      const members = new Set(kindsUnder(key.name).map((kind) => kind.key.split(".")[1]!));
      compareFields(key.name, key.fields ?? [], objectShapes(node), members);
    });
  }
});

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

// ---------------------------------------------------------------------------------------------
// Wrangler's own checker, on small JSON files written from the catalog.

const fixtures = mkdtempSync(path.join(os.tmpdir(), "catalog-test-"));
after(() => rmSync(fixtures, { recursive: true, force: true }));

const header = { name: "demo", main: "src/index.ts", compatibility_date: "2025-01-01" };

function verdictOf(label: string, config: object, env?: string) {
  const file = path.join(fixtures, `${label.replace(/\W+/g, "_")}.json`);
  writeFileSync(file, JSON.stringify({ ...header, ...config }, null, 2));
  return wranglerVerdict(file, env);
}

/** A placeholder of the first of the types, for required fields without an example. */
function placeholder(types: ValueType | readonly ValueType[]): unknown {
  const type = typeof types === "string" ? types : types[0]!;
  const samples: Record<ValueType, unknown> = {
    string: "placeholder",
    integer: 1,
    number: 1,
    boolean: true,
    array: [],
    table: {},
    datetime: "2025-01-01",
  };
  return samples[type];
}

/** One entry as "Add binding" would write it: required fields only, from their examples. */
function minimalEntry(fields: readonly FieldSpec[]): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const spec of fields.filter((f) => f.required || f.requiredUnless)) {
    entry[spec.name] =
      spec.example ?? (spec.fields ? minimalEntry(spec.fields) : placeholder(spec.type));
  }
  return entry;
}

/** A configuration fragment holding one binding of the kind. */
function minimalBinding(kind: BindingKind): Record<string, unknown> {
  let value: unknown;
  if (kind.names.from === "keys") value = { EXAMPLE: kind.key === "vars" ? "value" : "file.bin" };
  else if (kind.names.from === "list") value = { [kind.names.field]: ["EXAMPLE_SECRET"] };
  else if (kind.shape === "table") value = minimalEntry(kind.fields);
  else value = [minimalEntry(kind.fields)];

  const [first, second] = kind.key.split(".");
  return { [first!]: second === undefined ? value : { [second]: value } };
}

/** A value Wrangler accepts for a config key, for placing it somewhere. */
function sampleValue(key: ConfigKey): unknown {
  const samples: Record<string, unknown> = {
    name: "demo",
    compatibility_date: "2025-01-01",
    route: "example.com/*",
    placement: { mode: "smart" },
    cache: { enabled: true },
    python_modules: { exclude: [] },
    compliance_region: "public",
    logfwdr: { bindings: [] },
  };
  return key.name in samples ? samples[key.name] : placeholder(key.type);
}

describe("agreement with Wrangler's checker", () => {
  for (const kind of bindingKinds) {
    test(`${kind.key}: a minimal entry from the catalog passes`, () => {
      const migrations = kind.key.startsWith("durable_objects")
        ? { migrations: [{ tag: "v1", new_sqlite_classes: ["MyDurableObject"] }] }
        : {};
      const verdict = verdictOf(`minimal ${kind.key}`, { ...minimalBinding(kind), ...migrations });
      assert.deepEqual(verdict.errors, []);
      // Wrangler warns about every use of `unsafe`, whatever is in it.
      const warnings = verdict.warnings.filter(
        (w) => !w.includes('"unsafe" fields are experimental'),
      );
      assert.deepEqual(warnings, []);
    });
  }

  for (const key of configKeys.filter((k) => k.status !== undefined)) {
    test(`${key.name}: an old key costs what its status says`, () => {
      const verdict = verdictOf(`old ${key.name}`, { [key.name]: sampleValue(key) });
      const errors = verdict.errors.filter((e) => e.includes(key.name));
      const warnings = verdict.warnings.filter((w) => w.includes(`"${key.name}"`));
      if (key.status && "removed" in key.status) assert.equal(errors.length, 1, "an error");
      else assert.ok(errors.length === 0 && warnings.length === 1, "a warning, no error");
    });
  }

  for (const name of topLevelOnlyKeys) {
    test(`${name}: Wrangler ignores it, with a warning, inside an environment`, () => {
      const kind = findKind(name);
      const value = kind
        ? Object.values(minimalBinding(kind))[0]
        : sampleValue(findConfigKey(name)!);
      const verdict = verdictOf(
        `in env ${name}`,
        { env: { staging: { [name]: value } } },
        "staging",
      );
      const unexpected = verdict.warnings.find((w) => w.includes("Unexpected fields found in env"));
      assert.ok(unexpected?.includes(`"${name}"`), `a warning names ${name}`);
    });
  }

  const placeable = [
    ...bindingKinds.filter((kind) => !kind.topLevelOnly),
    ...configKeys.filter((key) => !key.topLevelOnly && key.status === undefined),
  ];
  for (const entry of placeable) {
    const name = "key" in entry ? entry.key : entry.name;
    test(`${name}: environments inherit it exactly when the catalog says so`, () => {
      const fragment = "key" in entry ? minimalBinding(entry) : { [name]: sampleValue(entry) };
      const topKey = Object.keys(fragment)[0]!;
      const verdict = verdictOf(
        `inherit ${name}`,
        { ...fragment, env: { staging: {} } },
        "staging",
      );
      const notInherited = verdict.warnings.some((w) =>
        w.includes(`"${topKey}" exists at the top level, but not on "env.staging"`),
      );
      assert.equal(entry.inherited === true, !notInherited);
    });
  }
});
