/** bench:cluster: rounds of each setup (one process, two processes), BENCH_ROUNDS (default 5). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/**
 * Runs `first` and `second` ROUNDS times each, alternating the order (1-2, 2-1, …): on a shared,
 * noisy machine, drift in the background load then weighs on both setups alike.
 */
export async function alternate<T>(first: () => Promise<T>, second: () => Promise<T>): Promise<[T[], T[]]> {
  const a: T[] = [];
  const b: T[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      a.push(await first());
      b.push(await second());
    } else {
      b.push(await second());
      a.push(await first());
    }
  }
  return [a, b];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
