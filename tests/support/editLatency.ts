import { type LatencyStats, stats } from './bystander';
import { type Editor, firstParagraph, openEditor, waitUntil } from './collab';

/**
 * Keystroke latency on one document: `writer` appends a character every `everyMs`, and the time until
 * `reader` has it is recorded. For the honest co-editors of a document under attack.
 */
export async function measureEdits(
  url: string,
  proposalId: string,
  writerToken: string,
  readerToken: string,
  everyMs = 200,
): Promise<{ stop: () => Promise<LatencyStats & { closes: number[] }> }> {
  const writer = openEditor(url, proposalId, writerToken);
  const reader = openEditor(url, proposalId, readerToken);
  await Promise.all([writer.synced, reader.synced]);
  const length = (e: Editor) => {
    try {
      return firstParagraph(e.doc).length;
    } catch {
      return 0;
    }
  };
  await waitUntil(() => length(writer) > 0 && length(reader) > 0, 'both have the text');
  const closes: number[] = [];
  for (const e of [writer, reader]) void e.closed.then(({ code }) => closes.push(code));
  const base = length(reader);
  const typed: number[] = [];
  const samples: number[] = [];
  const onUpdate = () => {
    while (samples.length < Math.min(length(reader) - base, typed.length))
      samples.push(performance.now() - typed[samples.length]!);
  };
  reader.doc.on('update', onUpdate);
  const timer = setInterval(() => {
    typed.push(performance.now());
    const text = firstParagraph(writer.doc);
    text.insert(text.length, 'k');
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      const until = performance.now() + 5000;
      while (samples.length < typed.length && performance.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      for (let i = samples.length; i < typed.length; i++) samples.push(performance.now() - typed[i]!);
      reader.doc.off('update', onUpdate);
      writer.destroy();
      reader.destroy();
      return { ...stats(samples), closes };
    },
  };
}
