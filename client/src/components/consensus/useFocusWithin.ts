import { type RefObject, useEffect, useRef } from 'react';

/**
 * Whether the focus was last inside `ref`'s element: kept when the focused control is removed (no
 * event says so), dropped when the focus moves elsewhere.
 */
export function useFocusWithin(ref: RefObject<HTMLElement | null>): RefObject<boolean> {
  const inside = useRef(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onIn = () => {
      inside.current = true;
    };
    // Only a move to somewhere else counts: a focused control removed (or the window left) moves
    // the focus to nowhere, and some browsers say so with a focusout whose relatedTarget is null.
    const onOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node) inside.current = element.contains(e.relatedTarget);
    };
    element.addEventListener('focusin', onIn);
    element.addEventListener('focusout', onOut);
    return () => {
      element.removeEventListener('focusin', onIn);
      element.removeEventListener('focusout', onOut);
    };
  }, [ref]);
  return inside;
}

/**
 * Keeps the focus in `container` when the controls it offers change under it: each time `controls`
 * changes (say "Objection" goes once a check stops taking objections), if the focus was in the
 * container and is now nowhere (the control that had it is gone, or disabled), it moves to what
 * `fallback` answers, which must be focusable (tabIndex -1 for a heading).
 */
export function useFocusKept(
  container: RefObject<HTMLElement | null>,
  fallback: () => HTMLElement | null | undefined,
  controls: string,
): void {
  const inside = useFocusWithin(container);
  const target = useRef(fallback);
  target.current = fallback;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the controls change, by design.
  useEffect(() => {
    if (!inside.current) return;
    const focused = document.activeElement;
    // Still on a control of the container that can take it: nothing moved.
    if (focused && container.current?.contains(focused) && !focused.matches(':disabled')) return;
    target.current()?.focus();
  }, [controls, inside, container]);
}
