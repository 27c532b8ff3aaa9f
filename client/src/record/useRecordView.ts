import { useCallback, useRef, useState } from 'react';
import { RECORD_OPENER_ID } from './RecordButton';

/** Whether the record view is open, and how the room opens and leaves it. */
export interface RecordViewState {
  open: boolean;
  /** Asks for the view's heading to take the focus: a new value each time the view is (re)opened. */
  focusRequest: number;
  /** Opens the view (or, when open, takes the focus back to its heading). */
  show(): void;
  /** Back to the meeting: the focus returns to what opened the view, or to the Record button. */
  close(): void;
}

/** The room's record view: open or not, with the focus handed to it and back. */
export function useRecordView(): RecordViewState {
  const [open, setOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const opener = useRef<HTMLElement | null>(null);
  const show = useCallback(() => {
    const active = document.activeElement;
    // Something outside the view (reopening from inside keeps the first opener); Safari does not
    // focus a clicked button, so <body> is no opener: the Record button stands in for it.
    if (active === document.body) opener.current = null;
    else if (active instanceof HTMLElement && !active.closest('#record-view')) opener.current = active;
    setOpen(true);
    setFocusRequest((n) => n + 1);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => {
      const back = opener.current?.isConnected ? opener.current : document.getElementById(RECORD_OPENER_ID);
      back?.focus();
    });
  }, []);
  return { open, focusRequest, show, close };
}
