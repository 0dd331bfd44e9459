/**
 * One failing request must not take the server down: a handler's exception is logged once,
 * with its stack, and the request is answered with an empty result instead.
 */

export type ErrorLog = (message: string) => void;

export function guarded<T>(log: ErrorLog, what: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${what} failed: ${detail}`);
    return fallback;
  }
}
