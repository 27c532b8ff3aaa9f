import { type ReactNode, useEffect, useRef } from 'react';

interface DialogProps {
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  /** Escape, or the Close button: the parent unmounts the dialog. */
  onClose: () => void;
  /**
   * Where the focus goes when the dialog closes: by default back to what had it when the dialog
   * opened (the button that opened it), if that is still in the page.
   */
  returnFocus?: () => HTMLElement | null;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog, mounted while open: the browser's `<dialog>` shown with `showModal()`, so the page
 * behind is inert, Escape closes it and the focus cannot leave it. The focus starts on the element
 * marked `data-autofocus` (else the first focusable one) and goes back when it closes, so it is
 * never dropped on the page's body. Where `showModal` is missing (jsdom in unit tests), the dialog
 * is only shown open.
 */
export function Dialog({ labelledBy, onClose, returnFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const back = useRef(returnFocus);
  back.current = returnFocus;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      const target = back.current?.() ?? opener;
      // After React has put the page back together (the opener may re-render).
      queueMicrotask(() => {
        if (target?.isConnected) target.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`admin-dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      // Escape: React unmounts the dialog, rather than the browser closing it behind React's back.
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        close.current();
      }}
    >
      {children}
    </dialog>
  );
}
