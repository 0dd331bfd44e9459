import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { LocationLink, Range } from "vscode-languageserver-types";
import { parseConfig } from "../../server/src/service";
import { definition } from "../../server/src/service/definition";
import type { WorkspaceView } from "../../server/src/service/workspace";
import { caret } from "../support/fixtures";

const CONFIG = "file:///w/app/wrangler.toml";

/** A workspace of files by URI; configurations are found by the `name` they are listed under. */
function workspace(files: Record<string, string>, configs: Record<string, string> = {}) {
  const view: WorkspaceView = {
    workerConfigs: () => Object.entries(configs).map(([name, uri]) => ({ name, uri })),
    readText: (uri) => files[uri],
  };
  return view;
}

/** Where a link goes, as text: the target's URI and the text its selection covers. */
function targets(links: readonly LocationLink[], files: Record<string, string>) {
  return links.map((link) => ({
    uri: link.targetUri,
    selected: textAt(files[link.targetUri]!, link.targetSelectionRange),
    whole: textAt(files[link.targetUri]!, link.targetRange),
  }));
}

function textAt(text: string, range: Range): string {
  const lines = parseConfig(text).lines;
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Asks for the definition at the caret of a marked configuration. */
function at(marked: string, files: Record<string, string>, configs?: Record<string, string>) {
  const { text, position } = caret(marked);
  const all = { ...files, [CONFIG]: text };
  const links = definition(parseConfig(text), CONFIG, position, workspace(all, configs));
  return { links, text, targets: targets(links, all) };
}

const SOURCE = [
  'import { DurableObject } from "cloudflare:workers";',
  "export class ChatRoom extends DurableObject {}",
  "class Helper {}",
  "export default { fetch() {} };",
].join("\n");

describe("go to definition: class_name to the class", () => {
  test("a Durable Object's class in the top-level main module", () => {
    const files = { "file:///w/app/src/index.ts": SOURCE };
    const result = at(
      [
        'main = "src/index.ts"',
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "Chat|Room"',
      ].join("\n"),
      files,
    );
    assert.deepEqual(result.targets, [
      { uri: "file:///w/app/src/index.ts", selected: "ChatRoom", whole: "ChatRoom" },
    ]);
    const origin = result.links[0]!.originSelectionRange!;
    assert.equal(textAt(result.text, origin), '"ChatRoom"');
    assert.deepEqual(result.links[0]!.targetSelectionRange, {
      start: { line: 1, character: 13 },
      end: { line: 1, character: 21 },
    });
  });

  test("a Workflow's class in the environment's own main module", () => {
    const files = {
      "file:///w/app/src/index.ts": SOURCE,
      "file:///w/app/src/staging.ts": "export class Checkout {}\n",
    };
    const result = at(
      [
        'main = "src/index.ts"',
        "[env.staging]",
        'main = "src/staging.ts"',
        "[[env.staging.workflows]]",
        'binding = "CHECKOUT"',
        'name = "checkout"',
        'class_name = "|Checkout"',
      ].join("\n"),
      files,
    );
    assert.deepEqual(
      result.targets.map((t) => `${t.uri} ${t.selected}`),
      ["file:///w/app/src/staging.ts Checkout"],
    );
  });

  test("a class in another Worker, through script_name and that Worker's config", () => {
    const files = {
      "file:///w/chat/wrangler.toml": 'name = "chat"\nmain = "./worker.js"\n',
      "file:///w/chat/worker.js": "class Room {}\nexport { Room };\n",
    };
    const result = at(
      [
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "Room|"',
        'script_name = "chat"',
      ].join("\n"),
      files,
      { chat: "file:///w/chat/wrangler.toml" },
    );
    assert.deepEqual(
      result.targets.map((t) => `${t.uri} ${t.selected}`),
      ["file:///w/chat/worker.js Room"],
    );
  });

  test("a class re-exported from its own file, under another name", () => {
    const files = {
      "file:///w/app/src/index.ts": 'export { Room as ChatRoom } from "./objects/room.js";\n',
      "file:///w/app/src/objects/room.ts": "// one room\nexport class Room {}\n",
    };
    const result = at(
      [
        'main = "src/index.ts"',
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "Chat|Room"',
      ].join("\n"),
      files,
    );
    assert.deepEqual(result.targets, [
      { uri: "file:///w/app/src/objects/room.ts", selected: "Room", whole: "Room" },
    ]);
  });

  test("the declared name is selected when an export list renames the class", () => {
    const files = { "file:///w/app/src/index.ts": "class Door {}\nexport { Door as Entrance };\n" };
    const marked =
      'main = "src/index.ts"\nworkflows = [{ binding = "W", name = "w", class_name = "Entr|ance" }]';
    assert.deepEqual(
      at(marked, files).targets.map((t) => t.selected),
      ["Door"],
    );
  });

  test("in a JSON configuration too", () => {
    const { text, position } = caret(
      '{ "main": "src/index.ts", "durable_objects": { "bindings": [{ "name": "R", "class_name": "Chat|Room" }] } }',
    );
    const uri = "file:///w/app/wrangler.jsonc";
    const files = { "file:///w/app/src/index.ts": SOURCE };
    const links = definition(parseConfig(text, undefined, "json"), uri, position, workspace(files));
    assert.deepEqual(
      targets(links, files).map((t) => `${t.uri} ${t.selected}`),
      ["file:///w/app/src/index.ts ChatRoom"],
    );
  });

  test("nothing for a class the module does not export, or without a main module", () => {
    const files = { "file:///w/app/src/index.ts": SOURCE };
    const bound = ["[[durable_objects.bindings]]", 'name = "H"', 'class_name = "Hel|per"'];
    assert.deepEqual(at(['main = "src/index.ts"', ...bound].join("\n"), files).links, []);
    const noMain = ["[[durable_objects.bindings]]", 'name = "R"', 'class_name = "Chat|Room"'];
    assert.deepEqual(at(noMain.join("\n"), files).links, []);
  });
});

describe("go to definition: a Worker's name to its configuration", () => {
  const files = {
    "file:///w/api/wrangler.toml": '# The API\nname = "api"\nmain = "src/index.ts"\n',
    "file:///w/tail/wrangler.jsonc": '{\n  // logs\n  "name": "tail"\n}\n',
    "file:///w/outbound/wrangler.toml": "[vars]\nA = 1\n",
  };
  const configs = {
    api: "file:///w/api/wrangler.toml",
    tail: "file:///w/tail/wrangler.jsonc",
    outbound: "file:///w/outbound/wrangler.toml",
  };

  test("a service binding's service, at the other file's name line", () => {
    const result = at(
      ["[[services]]", 'binding = "API"', 'service = "a|pi"'].join("\n"),
      files,
      configs,
    );
    assert.deepEqual(result.targets, [
      { uri: "file:///w/api/wrangler.toml", selected: '"api"', whole: 'name = "api"' },
    ]);
  });

  test("a tail consumer's service, in a JSON configuration", () => {
    const result = at('tail_consumers = [{ service = "|tail" }]', files, configs);
    assert.deepEqual(result.targets, [
      { uri: "file:///w/tail/wrangler.jsonc", selected: '"tail"', whole: '"name": "tail"' },
    ]);
  });

  test("a dispatch namespace's outbound Worker, at the file's start when it has no name", () => {
    const result = at(
      ["[[dispatch_namespaces]]", 'binding = "D"', 'outbound = { service = "outbound|" }'].join(
        "\n",
      ),
      files,
      configs,
    );
    assert.deepEqual(result.targets, [
      { uri: "file:///w/outbound/wrangler.toml", selected: "", whole: "" },
    ]);
  });

  test("nothing for an unknown Worker, or a key of the same name inside props", () => {
    const unknown = ["[[services]]", 'binding = "X"', 'service = "nowh|ere"'];
    assert.deepEqual(at(unknown.join("\n"), files, configs).links, []);
    const props = [
      "[[services]]",
      'binding = "X"',
      'service = "api"',
      'props = { service = "a|pi" }',
    ];
    assert.deepEqual(at(props.join("\n"), files, configs).links, []);
  });
});

describe("go to definition: a consumer's queue to its producer", () => {
  const config = (queueLine: string) =>
    [
      "[[queues.producers]]",
      'binding = "JOBS"',
      'queue = "jobs"',
      "[[queues.consumers]]",
      queueLine,
      "[env.staging]",
      "[[env.staging.queues.producers]]",
      'binding = "STAGING_JOBS"',
      'queue = "jobs"',
      "[[env.staging.queues.consumers]]",
      'queue = "jo|bs"',
      'dead_letter_queue = "failed"',
    ].join("\n");

  test("the producer of the same environment first", () => {
    const result = at(config('queue = "jobs"'), {});
    assert.deepEqual(
      result.targets.map((t) => `${t.selected} | ${t.whole.split("\n")[0]}`),
      ['"STAGING_JOBS" | [[env.staging.queues.producers]]'],
    );
  });

  test("then any environment's, for the dead letter queue too", () => {
    const marked = config('queue = "jobs"\ndead_letter_queue = "fai|led"')
      .replace('"jo|bs"', '"jobs"')
      .concat('\n[[env.staging.queues.producers]]\nbinding = "FAILED"\nqueue = "failed"');
    const result = at(marked, {});
    assert.deepEqual(
      result.targets.map((t) => t.selected),
      ['"FAILED"'],
    );
  });

  test("nothing on the producer's own queue, on keys, or on binding names", () => {
    const onProducer = config('queue = "jobs"').replace('"jo|bs"', '"jobs"');
    for (const [from, to] of [
      ['queue = "jobs"', 'queue = "jo|bs"'],
      ["[[queues.consumers]]", "[[queues.cons|umers]]"],
      ['binding = "JOBS"', 'binding = "JO|BS"'],
      ['dead_letter_queue = "failed"', 'dead_letter_|queue = "failed"'],
    ] as const) {
      assert.deepEqual(at(onProducer.replace(from, to), {}).links, [], to);
    }
  });
});
