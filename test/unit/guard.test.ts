import assert from "node:assert/strict";
import { test } from "node:test";
import { guarded } from "../../server/src/guard";

test("a failing handler is logged once with its stack and answered with the fallback", () => {
  const logged: string[] = [];
  const result = guarded(
    (m) => logged.push(m),
    "Checking file:///w/wrangler.toml",
    [],
    () => {
      throw new Error("boom");
    },
  );
  assert.deepEqual(result, []);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /^Checking file:\/\/\/w\/wrangler\.toml failed: Error: boom\n\s+at /);
});

test("a handler that succeeds is answered as it is, with nothing logged", () => {
  const logged: string[] = [];
  assert.equal(
    guarded(
      (m) => logged.push(m),
      "x",
      0,
      () => 42,
    ),
    42,
  );
  assert.deepEqual(logged, []);
});
