import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines, report } from "../support/check";

describe("the TOML scoping trap", () => {
  test("a top-level setting written after [vars] becomes a variable: one warning that explains", () => {
    const text = lines('name = "shop"', "[vars]", 'API = "x"', 'compatibility_date = "2025-09-01"');
    assert.deepEqual(report(text), [
      {
        at: "4:1",
        text: "compatibility_date",
        severity: "warning",
        code: "misplaced-key",
        message:
          '"compatibility_date" is written below the [vars] header, so TOML reads it as vars.compatibility_date, not as a top-level setting. Move it above the first table header.',
      },
    ]);
  });

  test("a top-level key after a binding entry is explained instead of called an unknown field", () => {
    const text = lines("[[kv_namespaces]]", 'binding = "A"', 'main = "src/index.ts"');
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.code} ${p.text}`),
      ["3:1 misplaced-key main"],
    );
  });

  test("keys after a commented-out header land in the entry above", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      "",
      "# [[r2_buckets]]",
      'bucket_name = "files"',
    );
    assert.deepEqual(report(text), [
      {
        at: "5:1",
        text: "bucket_name",
        severity: "warning",
        code: "misplaced-key",
        message:
          '"bucket_name" follows a commented-out [[r2_buckets]] header, so TOML puts it in the [[kv_namespaces]] entry above. Uncomment the header, or comment out this key too.',
      },
    ]);
  });

  test("before the first header, they become top-level keys", () => {
    const text = lines('name = "shop"', "# [[r2_buckets]]", 'bucket_name = "files"');
    assert.deepEqual(
      report(text).map((p) => `${p.at} ${p.code} ${p.text}`),
      ["3:1 misplaced-key bucket_name"],
    );
  });

  test("a top-level binding header right after [env.X] is still top-level", () => {
    const text = lines("[env.staging]", 'name = "s"', "[[kv_namespaces]]", 'binding = "A"');
    const [envWarning, headerWarning] = report(text);
    assert.equal(envWarning?.code, "env-missing-kind");
    assert.deepEqual(headerWarning, {
      at: "3:1",
      text: "[[kv_namespaces]]",
      severity: "warning",
      code: "misplaced-key",
      message:
        "[[kv_namespaces]] comes after [env.staging] but binds at the top level: a header is a full path. For staging, write [[env.staging.kv_namespaces]].",
    });
  });

  test("no warning when the author evidently knows: full paths, or the env has the kind", () => {
    const fullPaths = lines(
      "[env.staging]",
      "[[env.staging.d1_databases]]",
      'binding = "DB"',
      "[[d1_databases]]",
      'binding = "DB"',
    );
    assert.deepEqual(
      report(fullPaths).filter((p) => p.code === "misplaced-key"),
      [],
    );
    const envHasKind = lines(
      "[env.staging]",
      'kv_namespaces = [{ binding = "A" }]',
      "[[kv_namespaces]]",
      'binding = "A"',
    );
    assert.deepEqual(report(envHasKind), []);
  });

  test("a variable with an old setting's name is left alone", () => {
    assert.deepEqual(report(lines("[vars]", 'type = "premium"')), []);
  });
});

describe("Durable Object migrations", () => {
  const binding = ["[[durable_objects.bindings]]", 'name = "ROOM"', 'class_name = "Room"'];

  test("a class no migration introduces is a warning on the class name", () => {
    assert.deepEqual(report(lines(...binding)), [
      {
        at: "3:14",
        text: '"Room"',
        severity: "warning",
        code: "missing-migration",
        message:
          'No [[migrations]] entry introduces the Durable Object class "Room" (bound as env.ROOM); deploying fails until one lists it in new_sqlite_classes (or new_classes).',
      },
    ]);
  });

  test("new, SQLite, renamed and transferred classes all count", () => {
    for (const migration of [
      'new_classes = ["Room"]',
      'new_sqlite_classes = ["Room"]',
      'renamed_classes = [{ from = "OldRoom", to = "Room" }]',
      'transferred_classes = [{ from = "Room", from_script = "old", to = "Room" }]',
    ]) {
      assert.deepEqual(
        report(lines(...binding, "[[migrations]]", 'tag = "v1"', migration)),
        [],
        migration,
      );
    }
  });

  test("a class bound from another Worker needs no migration here", () => {
    assert.deepEqual(report(lines(...binding, 'script_name = "rooms-worker"')), []);
  });
});
