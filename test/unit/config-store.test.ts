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

test("edits the editor reports, one or several at once, read as a fresh parse", () => {
  const store = new ConfigStore();
  const text = 'name = "w"\n[[kv_namespaces]]\nbinding = "A"\n[vars]\nX = "1"\n';
  let document = TextDocument.create(URI, "toml", 1, text);
  store.get(document);
  const edits = [
    // One ranged change: the store is told where it was.
    [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 12 } }, text: "B" }],
    // Two at once, and a whole-text replacement: the texts are compared instead.
    [
      { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, text: "v" },
      { range: { start: { line: 4, character: 5 }, end: { line: 4, character: 6 } }, text: "2" },
    ],
    [{ text: `# top\n${text}` }],
  ];
  edits.forEach((changes, i) => {
    store.noteEdit(document, changes, i + 2);
    document = TextDocument.update(document, changes, i + 2);
    const fresh = new ConfigStore().get(document);
    assert.deepEqual(store.get(document).document, fresh.document, `edit ${i + 1}`);
  });
});
