/** Whether keyboard shortcuts use ⌘ (Apple) rather than Ctrl. */
const apple = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * A Tiptap shortcut ("Mod-Shift-b") in its two spellings: for `aria-keyshortcuts` (per WAI-ARIA,
 * "Control+Shift+B") and for people ("Ctrl+Shift+B" / "⌘+Shift+B").
 */
export function shortcut(keys: string): { aria: string; label: string } {
  const parts = keys.split('-').map((k) => (k.length === 1 ? k.toUpperCase() : k));
  const aria = parts.map((k) => (k === 'Mod' ? (apple() ? 'Meta' : 'Control') : k)).join('+');
  const label = parts.map((k) => (k === 'Mod' ? (apple() ? '⌘' : 'Ctrl') : k)).join('+');
  return { aria, label };
}
