import { buildClient } from './browser';

/**
 * Builds the browser app once per test run, before any test file starts: the browser tests run in
 * parallel workers and must not each empty and rebuild dist/client under the others.
 */
export default function setup(): void {
  buildClient();
}
