import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { actionsFor, fix } from "../support/quick-fix";

describe("quick fix: move a top-level key out of the table it landed in", () => {
  test("above the first header, after the top-level keys, with its comment", () => {
    const text = lines(
      'name = "shop"',
      'main = "src/index.ts"',
      "",
      "[vars]",
      'API = "https://api.example.com"',
      'compatibility_date = "2025-09-01" # pinned',
      'MODE = "live"',
    );
    const fixed = fix(text, "misplaced-key");
    assert.equal(fixed.title, 'Move "compatibility_date" above the first table header');
    assert.equal(fixed.preferred, true);
    assert.equal(
      fixed.text,
      lines(
        'name = "shop"',
        'main = "src/index.ts"',
        'compatibility_date = "2025-09-01" # pinned',
        "",
        "[vars]",
        'API = "https://api.example.com"',
        'MODE = "live"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("a value over several lines moves whole, in a CRLF file", () => {
    const text = [
      'name = "shop"',
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      "routes = [",
      '  "shop.example.com/*", # storefront',
      '  "api.example.com/*",',
      "]",
      "",
    ].join("\r\n");
    const fixed = fix(text, "misplaced-key");
    assert.equal(
      fixed.text,
      [
        'name = "shop"',
        "routes = [",
        '  "shop.example.com/*", # storefront',
        '  "api.example.com/*",',
        "]",
        "[[kv_namespaces]]",
        'binding = "CACHE"',
        "",
      ].join("\r\n"),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("with no top-level keys, before the first header and the comments that open it", () => {
    const text = lines(
      "#:schema node_modules/wrangler/config-schema.json",
      "",
      "# Variables",
      "[vars]",
      'MODE = "live"',
      'main = "src/index.ts"',
    );
    const fixed = fix(text, "misplaced-key");
    assert.equal(
      fixed.text,
      lines(
        "#:schema node_modules/wrangler/config-schema.json",
        "",
        'main = "src/index.ts"',
        "",
        "# Variables",
        "[vars]",
        'MODE = "live"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("below an environment's table, into that environment; on a last line without newline", () => {
    const text =
      '[env.staging]\nname = "s"\n[env.staging.vars]\nMODE = "test"\nroute = "s.example.com/*"';
    const fixed = fix(text, "misplaced-key");
    assert.equal(fixed.title, 'Move "route" into [env.staging]');
    assert.equal(
      fixed.text,
      '[env.staging]\nname = "s"\nroute = "s.example.com/*"\n[env.staging.vars]\nMODE = "test"',
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("a binding header right after [env.NAME] gets the environment's full path", () => {
    const text = lines(
      "[env.staging]",
      'name = "shop-staging"',
      "[[dispatch_namespaces]] # customers",
      'binding = "CUSTOMERS"',
      "[dispatch_namespaces.outbound]",
      'service = "egress"',
    );
    const fixed = fix(text, "misplaced-key");
    assert.equal(fixed.title, "Change the header to [[env.staging.dispatch_namespaces]]");
    assert.equal(fixed.preferred, false);
    assert.equal(
      fixed.text,
      lines(
        "[env.staging]",
        'name = "shop-staging"',
        "[[env.staging.dispatch_namespaces]] # customers",
        'binding = "CUSTOMERS"',
        "[env.staging.dispatch_namespaces.outbound]",
        'service = "egress"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("nothing for keys after a commented-out header, which are no settings", () => {
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      "# [[r2_buckets]]",
      'bucket_name = "files"',
    );
    assert.deepEqual(actionsFor(text, "misplaced-key").actions, []);
  });

  test("nothing when the key is already set where it would go", () => {
    const text = lines('main = "src/index.ts"', "[vars]", 'main = "src/other.ts"');
    assert.deepEqual(actionsFor(text, "misplaced-key").actions, []);
  });
});
