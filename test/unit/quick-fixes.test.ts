import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { diagnose, parseConfig } from "../../server/src/service";
import { codeActions } from "../../server/src/service/quick-fixes";
import { lines } from "../support/check";
import { actionsFor, apply, fix, JSONC_URI, URI } from "../support/quick-fix";

describe("quick fix: replace with the suggested name", () => {
  test("a mistyped array-of-tables key is renamed in every header that names it", () => {
    const text = lines(
      'name = "shop"',
      "[[kv_namespace]] # sessions",
      'binding = "SESSIONS"',
      "[[kv_namespace]]",
      'binding = "CACHE"',
    );
    const fixed = fix(text, "unknown-key");
    assert.equal(fixed.title, 'Change to "kv_namespaces"');
    assert.equal(fixed.preferred, true);
    assert.equal(
      fixed.text,
      lines(
        'name = "shop"',
        "[[kv_namespaces]] # sessions",
        'binding = "SESSIONS"',
        "[[kv_namespaces]]",
        'binding = "CACHE"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("a quoted key keeps its quotes", () => {
    const text = lines('"r2_bucket" = [{ binding = "FILES" }]');
    const fixed = fix(text, "unknown-key");
    assert.equal(fixed.text, lines('"r2_buckets" = [{ binding = "FILES" }]'));
    assert.equal(fixed.stillReported, false);
  });

  test("an unknown field inside an entry: only the key changes, the comment stays", () => {
    const text = lines("[[r2_buckets]]", 'binding = "FILES"', 'bucket = "uploads" # user files');
    const fixed = fix(text, "unknown-field");
    assert.equal(fixed.title, 'Change to "bucket_name"');
    assert.equal(
      fixed.text,
      lines("[[r2_buckets]]", 'binding = "FILES"', 'bucket_name = "uploads" # user files'),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an enumeration value keeps its quote style", () => {
    const text = lines("[[r2_buckets]]", 'binding = "FILES"', "jurisdiction = 'ue'");
    const fixed = fix(text, "invalid-value");
    assert.equal(fixed.text, lines("[[r2_buckets]]", 'binding = "FILES"', "jurisdiction = 'eu'"));
    assert.deepEqual(fixed.codes, []);
  });

  test("a queue consumer's type", () => {
    const text = lines("[[queues.consumers]]", 'queue = "jobs"', 'type = "wroker"');
    const fixed = fix(text, "invalid-value");
    assert.equal(fixed.text, lines("[[queues.consumers]]", 'queue = "jobs"', 'type = "worker"'));
    assert.equal(fixed.stillReported, false);
  });

  test("a binding name that is no identifier: this occurrence only", () => {
    const text = lines(
      "[[send_email]]",
      'name = "MAIL-OUT"',
      "[[env.staging.send_email]]",
      'name = "MAIL-OUT"',
    );
    const fixed = fix(text, "invalid-binding-name");
    assert.equal(fixed.title, 'Change to "MAIL_OUT"');
    assert.equal(
      fixed.text,
      lines(
        "[[send_email]]",
        'name = "MAIL_OUT"',
        "[[env.staging.send_email]]",
        'name = "MAIL-OUT"',
      ),
    );
    // The environment's entry keeps its own name, so it is still reported, and still differs.
    assert.deepEqual(fixed.codes, ["env-missing-binding", "invalid-binding-name"]);
  });

  test("nothing for a diagnostic without a suggestion, from another tool, or out of range", () => {
    const text = lines("[[kv_namespace]]", 'binding = "A"', "[[r2_buckets]]", "binding = 1");
    const parsed = parseConfig(text);
    const [unknown, wrongType] = diagnose(parsed, URI);
    assert.equal(unknown?.code, "unknown-key");
    assert.equal(wrongType?.code, "wrong-type");
    assert.deepEqual(codeActions(parsed, URI, wrongType!.range, [wrongType!]), []);

    const foreign = { ...unknown!, source: "even-better-toml" };
    assert.deepEqual(codeActions(parsed, URI, foreign.range, [foreign]), []);
    const elsewhere = { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } };
    assert.deepEqual(codeActions(parsed, URI, elsewhere, [unknown!]), []);
  });

  test("a diagnostic from an older version of the text offers nothing", () => {
    const { diagnostic } = actionsFor(lines("[[kv_namespace]]", 'binding = "A"'), "unknown-key");
    const edited = parseConfig(lines("", "[[kv_namespaces]]", 'binding = "A"'));
    assert.deepEqual(codeActions(edited, URI, diagnostic.range, [diagnostic]), []);
  });
});

describe("quick fix: add the missing required fields", () => {
  test("after the entry's last key, before the comments that follow it", () => {
    const text = lines(
      "[[services]]",
      'binding = "API" # the API Worker',
      '# entrypoint = "Admin"',
      "",
      "[vars]",
      'MODE = "live"',
    );
    const fixed = fix(text, "missing-field");
    assert.equal(fixed.title, 'Add the missing field "service"');
    assert.equal(fixed.preferred, true);
    assert.equal(
      fixed.text,
      lines(
        "[[services]]",
        'binding = "API" # the API Worker',
        'service = "my-backend"',
        '# entrypoint = "Admin"',
        "",
        "[vars]",
        'MODE = "live"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("a CRLF file gets CRLF lines", () => {
    const text = '[[mtls_certificates]]\r\nbinding = "CERT"\r\n\r\n[vars]\r\nA = "1"\r\n';
    const fixed = fix(text, "missing-field");
    assert.equal(
      fixed.text,
      '[[mtls_certificates]]\r\nbinding = "CERT"\r\ncertificate_id = "<CERTIFICATE_ID>"\r\n\r\n[vars]\r\nA = "1"\r\n',
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("inside an inline table, before its closing brace", () => {
    const text = lines("queues.consumers = [{ max_retries = 3 }]");
    const fixed = fix(text, "missing-field");
    assert.equal(fixed.text, lines('queues.consumers = [{ max_retries = 3, queue = "my-queue" }]'));
    assert.deepEqual(fixed.codes, []);
  });

  test("every missing field at once, in one action for all their diagnostics", () => {
    const text = lines("[durable_objects]", "bindings = [{}]");
    const parsed = parseConfig(text);
    const missing = diagnose(parsed, URI).filter((d) => d.code === "missing-field");
    assert.equal(missing.length, 2);
    const actions = codeActions(parsed, URI, missing[0]!.range, missing);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Add the missing fields "name", "class_name"');
    assert.deepEqual(actions[0]!.diagnostics, missing);

    const fixed = apply(text, missing[0]!, { ...actions[0]!, diagnostics: [missing[0]!] });
    assert.equal(
      fixed.text,
      lines(
        "[durable_objects]",
        'bindings = [{ name = "MY_DURABLE_OBJECT", class_name = "MyDurableObject" }]',
      ),
    );
    // The class is new, so it still needs its migration.
    assert.deepEqual(fixed.codes, ["missing-migration"]);
  });

  test("a dispatch namespace's outbound Worker, under its own header", () => {
    const text = lines(
      "[[dispatch_namespaces]]",
      'binding = "DISPATCHER"',
      "[dispatch_namespaces.outbound]",
      'environment = "production"',
      "",
      "[[dispatch_namespaces]]",
      'binding = "OTHER"',
    );
    const fixed = fix(text, "missing-field");
    assert.equal(
      fixed.text,
      lines(
        "[[dispatch_namespaces]]",
        'binding = "DISPATCHER"',
        "[dispatch_namespaces.outbound]",
        'environment = "production"',
        'service = "<SERVICE>"',
        "",
        "[[dispatch_namespaces]]",
        'binding = "OTHER"',
      ),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an indented entry in an environment, on the file's last line", () => {
    const text = '[[env.staging.services]]\n  binding = "API"';
    const fixed = fix(text, "missing-field");
    assert.equal(
      fixed.text,
      '[[env.staging.services]]\n  binding = "API"\n  service = "my-backend"',
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("an entry with no keys at all", () => {
    const text = lines("[[queues.consumers]]", "[[kv_namespaces]]", 'binding = "A"');
    const fixed = fix(text, "missing-field");
    assert.equal(
      fixed.text,
      lines("[[queues.consumers]]", 'queue = "my-queue"', "[[kv_namespaces]]", 'binding = "A"'),
    );
  });
});

describe("quick fix in wrangler.jsonc: replace with the suggested name", () => {
  test("a mistyped binding kind keeps its quotes and every comment", () => {
    const text = lines(
      "{",
      '  "name": "shop", // the shop',
      '  "kv_namespace": [{ "binding": "SESSIONS", "id": "abc" }]',
      "}",
    );
    const fixed = fix(text, "unknown-key", 0, JSONC_URI);
    assert.equal(fixed.title, 'Change to "kv_namespaces"');
    assert.equal(fixed.text, text.replace('"kv_namespace"', '"kv_namespaces"'));
    assert.deepEqual(fixed.codes, []);
  });

  test("an unknown field of an entry, and an enumeration value", () => {
    const field = lines("{", '  "r2_buckets": [{ "binding": "FILES", "bucket": "uploads" }]', "}");
    const renamed = fix(field, "unknown-field", 0, JSONC_URI);
    assert.equal(renamed.text, field.replace('"bucket"', '"bucket_name"'));
    assert.deepEqual(renamed.codes, []);

    const value = lines(
      "{",
      '  "r2_buckets": [{ "binding": "FILES", "bucket_name": "uploads", "jurisdiction": "ue" }]',
      "}",
    );
    assert.equal(fix(value, "invalid-value", 0, JSONC_URI).text, value.replace('"ue"', '"eu"'));
  });

  test("the fixes that write TOML's layout are not offered", () => {
    const text = lines(
      "{",
      '  "kv_namespaces": [{ "binding": "KV", "id": "abc" }],',
      '  "env": { "staging": { "name": "w-staging" } }',
      "}",
    );
    assert.deepEqual(actionsFor(text, "env-missing-kind", 0, JSONC_URI).actions, []);
  });
});

describe("quick fix in wrangler.jsonc: add the missing required fields", () => {
  test("inside a one-line object, after its last property", () => {
    const text = lines("{", '  "services": [{ "binding": "API" }] // the API', "}");
    const fixed = fix(text, "missing-field", 0, JSONC_URI);
    assert.equal(fixed.title, 'Add the missing field "service"');
    assert.equal(
      fixed.text,
      lines("{", '  "services": [{ "binding": "API", "service": "my-backend" }] // the API', "}"),
    );
    assert.deepEqual(fixed.codes, []);
  });

  test("in an object spread over lines, a line each in its indentation, CRLF kept", () => {
    const text = [
      "{",
      '    "durable_objects": {',
      '        "bindings": [',
      "            {",
      '                "name": "ROOMS"',
      "            }",
      "        ]",
      "    }",
      "}",
    ].join("\r\n");
    const fixed = fix(text, "missing-field", 0, JSONC_URI);
    assert.equal(
      fixed.text,
      text.replace('"ROOMS"', '"ROOMS",\r\n                "class_name": "MyDurableObject"'),
    );
    assert.deepEqual(fixed.codes, ["missing-migration"]);
  });
});
