import { createContext, useCallback, useContext, useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { failureKind, serverMessage } from './serverErrors';

/** What every part of the workspace needs: the token it calls the API with, and what to do once it is refused. */
export interface WorkspaceSession {
  token: string;
  /** The server refused the token (401): forget it and sign in again. */
  signedOut: () => void;
}

const Context = createContext<WorkspaceSession | null>(null);
export const WorkspaceProvider = Context.Provider;

export function useWorkspace(): WorkspaceSession {
  const session = useContext(Context);
  if (!session) throw new Error('useWorkspace outside a WorkspaceProvider');
  return session;
}

/**
 * A failed call in the person's language, with the server's reason where it has one; a refused
 * token also signs out (the sign-in form says why).
 */
export function useFailure(): (error: unknown) => string {
  const { t } = useTranslation();
  const { signedOut } = useWorkspace();
  return useCallback(
    (error: unknown) => {
      const kind = failureKind(error);
      if (kind === 'signedOut') signedOut();
      return t(`admin.failure.${kind}`, { message: serverMessage(error) });
    },
    [t, signedOut],
  );
}

/**
 * Moves the focus to an element once it is in the page: after an action re-renders or removes the
 * control that had it (a row moved to another table, a form closed), so it is never dropped on the
 * body. `focusSoon(() => element)` is tried after each render until the element is there.
 */
export function useFocusSoon(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const target = pending.current?.();
    if (target) {
      pending.current = null;
      target.focus();
    }
  });
  return useCallback((find) => {
    pending.current = find;
    rerender();
  }, []);
}
