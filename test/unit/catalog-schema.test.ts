/**
 * The catalog against Wrangler 4.164.0's JSON Schema, for coverage: every top-level and
 * environment key, every field with its types, what is required and what may stand in an
 * environment.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";

import {
  bindingKinds,
  configKeys,
  findConfigKey,
  findKind,
  isContainerKey,
  kindsUnder,
} from "../../server/src/catalog";
import type { FieldSpec, ValueType } from "../../server/src/catalog/types";
import { ourTypes } from "../support/catalog";

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
