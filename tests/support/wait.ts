/**
 * Waits for a condition instead of sleeping a fixed time: a fixed sleep is either too short on a
 * loaded machine (a flake) or longer than needed everywhere (a slow loop). Polls `condition` every
 * `everyMs` until it holds; past `timeoutMs` it throws, naming what it waited for.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  label: string,
  { timeoutMs = 10_000, everyMs = 10 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await delay(everyMs);
  }
}

/**
 * A pause that is part of what a test does (pacing a load, letting a rate budget refill, a lease
 * expire), never a wait for something to have happened: use `waitFor` for that.
 */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
