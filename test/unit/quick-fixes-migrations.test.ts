import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { fix } from "../support/quick-fix";

describe("quick fix: add a [[migrations]] step for a Durable Object class", () => {
  test("the first step goes right after the Durable Object's entry", () => {
    const text = lines(
      'name = "chat"',
      "",
      "[[durable_objects.bindings]]",
      'name = "ROOMS"',
      'class_name = "ChatRoom"',
      "[vars]",
      'MODE = "live"',
    );
    const fixed = fix(text, "missing-migration");
    assert.equal(fixed.title, 'Add a [[migrations]] step that introduces "ChatRoom"');
    assert.equal(fixed.preferred, true);
    assert.equal(
      fixed.text,
      lines(
        'name = "chat"',
        "",
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "ChatRoom"',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_sqlite_classes = ["ChatRoom"]',
        "",
        "[vars]",
        'MODE = "live"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("the next tag after the last step, in a CRLF file", () => {
    const text = [
      "[[durable_objects.bindings]]",
      'name = "ROOMS"',
      'class_name = "ChatRoom"',
      "[[durable_objects.bindings]]",
      'name = "USERS"',
      'class_name = "User"',
      "",
      "[[migrations]]",
      'tag = "v1"',
      'new_classes = ["ChatRoom"]',
      "[[migrations]] # renamed later",
      'tag = "v2"',
      'deleted_classes = ["Old"]',
      "",
      "[vars]",
      "",
    ].join("\r\n");
    const fixed = fix(text, "missing-migration");
    assert.equal(
      fixed.text,
      [
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "ChatRoom"',
        "[[durable_objects.bindings]]",
        'name = "USERS"',
        'class_name = "User"',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_classes = ["ChatRoom"]',
        "[[migrations]] # renamed later",
        'tag = "v2"',
        'deleted_classes = ["Old"]',
        "",
        "[[migrations]]",
        'tag = "v3"',
        'new_sqlite_classes = ["User"]',
        "",
        "[vars]",
        "",
      ].join("\r\n"),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an inline list of steps gets one more item", () => {
    const text = lines(
      'durable_objects.bindings = [{ name = "A", class_name = "Alpha" }, { name = "B", class_name = "Beta" }]',
      'migrations = [{ tag = "v1", new_classes = ["Alpha"] }]',
    );
    const fixed = fix(text, "missing-migration");
    assert.equal(
      fixed.text,
      lines(
        'durable_objects.bindings = [{ name = "A", class_name = "Alpha" }, { name = "B", class_name = "Beta" }]',
        'migrations = [{ tag = "v1", new_classes = ["Alpha"] }, { tag = "v2", new_sqlite_classes = ["Beta"] }]',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an inline Durable Object list at the top: the step goes after the top-level keys", () => {
    const text = lines(
      'durable_objects.bindings = [{ name = "A", class_name = "Alpha" }]',
      'main = "src/index.ts"',
      "[vars]",
    );
    const fixed = fix(text, "missing-migration");
    assert.equal(
      fixed.text,
      lines(
        'durable_objects.bindings = [{ name = "A", class_name = "Alpha" }]',
        'main = "src/index.ts"',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_sqlite_classes = ["Alpha"]',
        "",
        "[vars]",
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an environment with its own steps gets the step there", () => {
    const text = lines(
      "[env.staging]",
      "[[env.staging.durable_objects.bindings]]",
      'name = "A"',
      'class_name = "Alpha"',
      "[[env.staging.migrations]]",
      'tag = "staging-1"',
      'new_classes = ["Old"]',
    );
    const fixed = fix(text, "missing-migration");
    assert.equal(
      fixed.text,
      lines(
        "[env.staging]",
        "[[env.staging.durable_objects.bindings]]",
        'name = "A"',
        'class_name = "Alpha"',
        "[[env.staging.migrations]]",
        'tag = "staging-1"',
        'new_classes = ["Old"]',
        "",
        "[[env.staging.migrations]]",
        'tag = "v2"',
        'new_sqlite_classes = ["Alpha"]',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });
});
