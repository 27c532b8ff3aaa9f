import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Whether a command sent from a button is still waiting for its answer, and a way to send one that
 * refuses a second while the first is pending. The guard is a ref, not only state: a double click
 * lands its second click before React has rendered the first one's "pending", and sending the
 * same command twice gives a false refusal ("closed already") or a second revision.
 *
 * @example
 * const [pending, once] = usePending();
 * <button aria-disabled={pending} onClick={() => once(() => room.send(command))}>
 * `aria-disabled`, not `disabled`: the control keeps the focus, which a disabled one drops to the page.
 */
export function usePending(): [boolean, <T>(work: () => Promise<T>) => Promise<T | undefined>] {
  const busy = useRef(false);
  const mounted = useRef(true);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const once = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    try {
      return await work();
    } finally {
      busy.current = false;
      // The control may have gone with the answer (a check that closed).
      if (mounted.current) setPending(false);
    }
  }, []);
  return [pending, once];
}
