/**
 * Runs the fuzzer in a child process and watches it. The service is synchronous, so a call
 * that loops forever cannot be timed out from inside; from outside, a case that has not ended
 * after `hangMs` is a hang: the child is ended, the hang recorded, and the run resumes after it.
 * A case that kills the process (out of memory) is recorded the same way.
 */
import { fork } from "node:child_process";
import { resolve } from "node:path";
import type { ChildMessage } from "./child";
import { Tally, type FuzzOptions, type FuzzReport } from "./run";

const CHILD = resolve(__dirname, "child.ts");
/** After this many hangs the run stops: the service is stuck on something common. */
const MOST_HANGS = 5;

export async function superviseFuzz(options: FuzzOptions, hangMs = 30_000): Promise<FuzzReport> {
  const tally = new Tally(options.seed);
  const end = (options.from ?? 0) + options.count;
  let from = options.from ?? 0;
  let hangs = 0;

  while (from < end) {
    const hang = await runChild({ ...options, from, count: end - from }, hangMs, tally);
    if (hang === undefined) break;
    tally.addHang(hang);
    if (++hangs >= MOST_HANGS) break;
    from = hang + 1;
  }
  return tally.report;
}

/** Runs cases in a child until it is done (undefined) or stopped by a case (its number). */
function runChild(options: FuzzOptions, hangMs: number, tally: Tally): Promise<number | undefined> {
  return new Promise((done) => {
    const child = fork(CHILD, [JSON.stringify(options)], { execArgv: ["--import", "tsx"] });
    let current = options.from ?? 0;
    let stuck = false;
    let timer = setTimeout(onHang, hangMs);

    function onHang(): void {
      stuck = true;
      child.kill("SIGKILL");
    }

    child.on("message", (message: ChildMessage) => {
      if (message.type === "result") return tally.add(message.result);
      current = message.index;
      clearTimeout(timer);
      timer = setTimeout(onHang, hangMs);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !stuck) return done(undefined);
      if (!stuck)
        process.stderr.write(`Case ${current} ended the fuzz process (${signal ?? code}).\n`);
      done(current);
    });
  });
}
