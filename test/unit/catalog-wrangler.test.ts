/**
 * The catalog against Wrangler 4.164.0's own checker, for what its schema cannot show: small JSON
 * files written from the catalog say which minimal entries it accepts, what old keys cost, which
 * keys it ignores in an environment and which ones environments inherit.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";

import {
  bindingKinds,
  configKeys,
  findConfigKey,
  findKind,
  topLevelOnlyKeys,
} from "../../server/src/catalog";
import type { BindingKind, ConfigKey, FieldSpec, ValueType } from "../../server/src/catalog/types";
import { wranglerVerdict } from "../support/wrangler-oracle";

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
