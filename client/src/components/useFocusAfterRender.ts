import { useCallback, useEffect, useReducer, useRef } from 'react';

/**
 * Moves the focus once the page shows what it goes to. An inline form replaces the button that
 * opened it; when the form closes, that button only comes back with the next render, and until it
 * does the focus has nowhere to go but `<body>`. `focusAfterRender(find)` asks `find` for the
 * element after that render and focuses it (nothing when `find` answers null).
 *
 * @example
 * const focusAfterRender = useFocusAfterRender();
 * const close = () => { setAdding(false); focusAfterRender(() => opener.current); };
 */
export function useFocusAfterRender(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const find = pending.current;
    if (!find) return;
    pending.current = null;
    find()?.focus();
  });
  return useCallback((find) => {
    pending.current = find;
    rerender();
  }, []);
}
