import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef } from 'react';

interface DialogProps {
  /** The dialog's title, its first heading: the dialog's accessible name. */
  title: ReactNode;
  /** Escape, or a Close, Cancel or Done button: the parent unmounts the dialog. */
  onClose: () => void;
  /** The title's element, for a dialog that moves on to a next step and puts the focus on it then. */
  titleRef?: RefObject<HTMLHeadingElement | null>;
  /**
   * Where the focus goes when the dialog closes, instead of back to what opened it, when this finds
   * an element (the row of the meeting just created).
   */
  returnFocus?: () => HTMLElement | null;
  /** Where the focus goes when it closes if what opened it is gone meanwhile (a removed row). */
  fallbackFocus?: () => HTMLElement | null;
  /** `admin-dialog-wide` for a form of two columns. */
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog, mounted while open: the browser's `<dialog>` shown with `showModal()`, so the page
 * behind is inert, Escape closes it and the focus cannot leave it. The focus starts on the element
 * marked `data-autofocus`, else on the title, and goes back when it closes (to what opened it, or
 * `returnFocus`, or `fallbackFocus`), so it is never dropped on the page's body. Where `showModal`
 * is missing (jsdom in unit tests), the dialog is only shown open.
 */
export function Dialog({
  title,
  onClose,
  titleRef,
  returnFocus,
  fallbackFocus,
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const focusAfter = useRef({ returnFocus, fallbackFocus });
  focusAfter.current = { returnFocus, fallbackFocus };

  useLayoutEffect(() => {
    const dialog = ref.current!;
    // Kept from the first run: StrictMode's second finds the focus already inside.
    opener.current ??= document.activeElement;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    (
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('[data-dialog-title]')
    )?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      const back = opener.current;
      // After the render that removed the dialog: the opener may have been replaced meanwhile.
      // (StrictMode runs this cleanup and the effect again on a dialog that stays: nothing to do.)
      queueMicrotask(() => {
        if (dialog.isConnected) return;
        const { returnFocus, fallbackFocus } = focusAfter.current;
        const target =
          returnFocus?.() ??
          (back instanceof HTMLElement && back.isConnected ? back : (fallbackFocus?.() ?? null));
        if (target?.isConnected) target.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={`admin-dialog ${className ?? ''}`}
      // Escape: React unmounts the dialog, rather than the browser closing it behind React's back.
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
      onKeyDown={(event) => {
        // Not when a control inside has used the key already (to close its own list).
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        close.current();
      }}
    >
      <h2 id={titleId} ref={titleRef} tabIndex={-1} data-dialog-title="" className="admin-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
