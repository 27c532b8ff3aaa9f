/** Reads one sample of the server's Prometheus text (`/metrics`); 0 when absent. */
export async function metric(
  url: string,
  adminToken: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (
    await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${adminToken}` } })
  ).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const wanted = Object.entries(labels).every(([k, v]) => match[2]?.includes(`${k}="${v}"`));
    if (wanted) total += Number(match[3]);
  }
  return total;
}

/** Samples `read` every `everyMs` until `stop()`; returns the largest value seen. */
export function sampleMax(read: () => number | Promise<number>, everyMs = 100) {
  let max = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      max = Math.max(max, await read());
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return max;
    },
  };
}

export const heapBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export const MiB = 1024 * 1024;
