import fs from 'node:fs';
import path from 'node:path';

/**
 * Which meeting is the demo: its id, kept in `DATA_DIR/demo-meeting` when it is seeded. Start-up
 * prints join links for that meeting only (never for meetings created through the API), also on
 * later starts; deleting the file stops it.
 */
const FILE = 'demo-meeting';

export function rememberDemo(dataDir: string, meetingId: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, FILE), `${meetingId}\n`, { mode: 0o600 });
}

/** The demo meeting's id, or null when this DATA_DIR never seeded one. */
export function rememberedDemo(dataDir: string): string | null {
  try {
    return fs.readFileSync(path.join(dataDir, FILE), 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
