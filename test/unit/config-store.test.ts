import assert from "node:assert/strict";
import { test } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ConfigStore } from "../../server/src/config-store";

const URI = "file:///w/wrangler.toml";

test("a version already parsed is never parsed again", () => {
  const store = new ConfigStore();
  const document = TextDocument.create(
    URI,
    "toml",
    1,
    'name = "w"\n[[kv_namespaces]]\nbinding = "A"\n',
  );
  const first = store.get(document);
  assert.equal(store.get(document), first);
  assert.equal(store.get(document), first);
});

test("a new version reuses the sections its predecessor parsed", () => {
  const store = new ConfigStore();
  const v1 = TextDocument.create(
    URI,
    "toml",
    1,
    'name = "w"\n[[kv_namespaces]]\nbinding = "A"\n[vars]\nX = "1"\n',
  );
  const first = store.get(v1);
  const v2 = TextDocument.update(
    v1,
    [{ text: 'name = "w2"\n[[kv_namespaces]]\nbinding = "A"\n[vars]\nX = "1"\n' }],
    2,
  );
  const second = store.get(v2);
  assert.notEqual(second, first);
  const reused = second.reuse!.models.filter((s) => first.reuse!.models.includes(s));
  assert.equal(reused.length, 2, "the two unchanged sections");
});

test("a closed document is forgotten", () => {
  const store = new ConfigStore();
  const document = TextDocument.create(URI, "toml", 1, 'name = "w"\n');
  const first = store.get(document);
  store.forget(URI);
  assert.notEqual(store.get(document), first);
});
