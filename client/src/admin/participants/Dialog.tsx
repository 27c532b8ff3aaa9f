import { type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef } from 'react';

interface DialogProps {
  /** The dialog's title (its accessible name). */
  title: ReactNode;
  onClose: () => void;
  /** What takes the focus when it opens; the title otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Where the focus goes back when it closes, if what had it before is gone (a removed row):
   * the focus is never left on the page's body.
   */
  fallbackFocus?: () => HTMLElement | null;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own `<dialog>`: the page behind is inert, Escape closes it, and
 * the focus goes back to what opened it. (jsdom has no `showModal`; there it is only opened.)
 */
export function Dialog({ title, onClose, initialFocus, fallbackFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const fallback = useRef(fallbackFocus);
  fallback.current = fallbackFocus;

  useLayoutEffect(() => {
    const dialog = ref.current!;
    // Kept from the first run: StrictMode's second finds the focus already inside.
    opener.current ??= document.activeElement;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>('[data-dialog-title]'))?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      const back = opener.current;
      // After the render that removed the dialog: the opener may have been replaced meanwhile.
      // (StrictMode runs this cleanup and the effect again on a dialog that stays: nothing to do.)
      queueMicrotask(() => {
        if (dialog.isConnected) return;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
        else fallback.current?.()?.focus();
      });
    };
  }, [initialFocus]);

  useEffect(() => {
    const dialog = ref.current!;
    const onCancel = (event: Event) => {
      event.preventDefault(); // closed by React, so the state says it is closed
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={`people-dialog ${className ?? ''}`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close.current();
      }}
    >
      <div className="people-dialog-head">
        <h2 id={titleId} tabIndex={-1} data-dialog-title="">
          {title}
        </h2>
      </div>
      {children}
    </dialog>
  );
}
