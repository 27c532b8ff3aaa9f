import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ack } from '../../../../../shared';

/**
 * One command at a time from a control: `run` sends only when none of its commands is waiting for
 * its answer, so a double click sends once (the second would be refused as "already" done, and
 * say so in an alert). `busy` is for `aria-disabled`: the control keeps the focus, which a
 * `disabled` one would drop to the page.
 */
export function usePending(): { busy: boolean; run: (send: () => Promise<Ack>) => Promise<Ack | null> } {
  const waiting = useRef(false);
  const mounted = useRef(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (send: () => Promise<Ack>) => {
    // A ref, not the state: two clicks in one frame both see the state from before the first.
    if (waiting.current) return null;
    waiting.current = true;
    setBusy(true);
    try {
      return await send();
    } finally {
      waiting.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { busy, run };
}
