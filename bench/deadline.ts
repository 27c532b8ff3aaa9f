/**
 * Every bench has a time limit: past it, it fails loudly (exit 2) and names the step it was in,
 * instead of waiting on something that will never answer. The limit is BENCH_TIMEOUT_S, else the
 * bench's own default.
 */
let current = 'starting';

/** Names the step the bench is in, for the message if it hangs there. */
export function step(name: string): void {
  current = name;
  if (process.env.BENCH_VERBOSE) console.error(`[bench] ${name}`);
}

/** Arms the watchdog for the whole bench; call once, first. */
export function timeLimit(bench: string, defaultSeconds: number): void {
  const seconds = Number(process.env.BENCH_TIMEOUT_S ?? defaultSeconds);
  setTimeout(() => {
    console.error(`\n${bench}: HUNG: no result within ${seconds} s (BENCH_TIMEOUT_S); stuck at: ${current}`);
    process.exit(2);
  }, seconds * 1000).unref();
}

/** Rejects, naming `what`, if `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
