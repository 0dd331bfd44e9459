import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { exportedClasses } from "../../server/src/service/worker-source";

/** Each exported class with the text at its offset, to show the offset is the name's. */
function exported(source: string) {
  return exportedClasses(source).map(({ name, offset }) => ({
    name,
    at: source.slice(offset, offset + name.length),
  }));
}

describe("exportedClasses", () => {
  test("export class, export default class, and abstract classes", () => {
    const source = [
      "export class Counter extends DurableObject {}",
      "export default class Main extends WorkerEntrypoint {}",
      "export abstract class Base {}",
    ].join("\n");
    assert.deepEqual(exported(source), [
      { name: "Counter", at: "Counter" },
      { name: "Main", at: "Main" },
      { name: "Base", at: "Base" },
    ]);
  });

  test("a class exported later by an export list, under its own name or another", () => {
    const source = [
      "class Room {}",
      "class Door {}",
      "class Lock {}",
      "export { Room, Door as Gate };",
    ].join("\n");
    assert.deepEqual(exported(source), [
      { name: "Room", at: "Room" },
      { name: "Gate", at: "Door" },
    ]);
  });

  test("classes that are not exported, or only mentioned, are left out", () => {
    const source = [
      "class Internal {}",
      "const text = 'a class in a string';",
      "export function make() { return new Internal(); }",
    ].join("\n");
    assert.deepEqual(exported(source), []);
  });
});
