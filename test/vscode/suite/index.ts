/**
 * The suite's entry point, loaded by VS Code's extension host: runs every *.test.js bundled
 * beside it with mocha and settles with the result. Its report is written line by line with a
 * mark, so the launcher can tell it from the workbench's own log.
 */
import Mocha from "mocha";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Must match launcher.mjs. */
const SUITE_MARK = "wb-suite:";

function report(line: string): void {
  console.log(SUITE_MARK, line);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false, reporter: MarkedReporter });
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith(".test.js"))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed`)) : resolve(),
    );
  });
}

/** One line per test, the failures in full, and a closing "N passed, N failed" line. */
class MarkedReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on("suite", (suite) => suite.title && report(suite.fullTitle()));
    runner.on("pass", (test) => {
      passed++;
      report(`  ✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on("pending", (test) => {
      skipped++;
      report(`  - ${test.title} (skipped)`);
    });
    runner.on("fail", (test, error: Error) => {
      failed++;
      report(`  ✖ ${test.title}\n${error.stack ?? error.message}`);
    });
    runner.on("end", () =>
      report(`vscode: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`),
    );
  }
}
