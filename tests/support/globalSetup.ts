import { buildClient } from './browser';

/**
 * Builds the browser app once, before any browser test file starts (the e2e project's globalSetup in
 * vitest.config.ts): those files run in parallel workers and must not each empty and rebuild
 * dist/client under the others. The other projects never build it.
 */
export default function setup(): void {
  buildClient();
}
