import { type ReactNode, useEffect, useRef } from 'react';

/** The `data-*` attributes a row's controls carry, by which the focus finds them again. */
export type RowMarks = { [mark: `data-${string}`]: string | number };

/** One action of a row: its button. */
export interface RowAction {
  /** Its `data-action`, by which the focus finds the button again after a re-render. */
  action: string;
  /** The visible word ("Open"). */
  word: string;
  /** Its name, which says what it acts on ("Open IRM-2"); the word when absent. */
  label?: string;
  className?: string;
  disabled?: boolean;
  onClick: () => void;
}

/** A row's buttons, in order, each marked with the row's `marks` and its action. */
export function RowButtons({ marks, actions }: { marks: RowMarks; actions: RowAction[] }) {
  return (
    <div className="button-row">
      {actions.map((a) => (
        <button
          key={a.action}
          type="button"
          className={a.className}
          disabled={a.disabled}
          aria-label={a.label}
          onClick={a.onClick}
          {...marks}
          data-action={a.action}
        >
          {a.word}
        </button>
      ))}
    </div>
  );
}

interface ConfirmInPlaceProps {
  /** What is asked ("Archive “IRM-1”?"): the group's name. */
  question: ReactNode;
  marks: RowMarks;
  /** The action again, to confirm it. */
  confirm: RowAction;
  /** Back without it; Escape does the same. */
  cancel: RowAction;
}

/**
 * An action confirmed in the row itself: the question, then the action again, or Cancel (Escape
 * too). The focus starts on Cancel, so the Enter that asked, pressed once more, does not confirm.
 */
export function ConfirmInPlace({ question, marks, confirm, cancel }: ConfirmInPlaceProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    group.current?.querySelector<HTMLElement>(`button[data-action="${cancel.action}"]`)?.focus();
  }, [cancel.action]);
  return (
    <fieldset
      ref={group}
      className="admin-confirm"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        cancel.onClick();
      }}
    >
      <legend>{question}</legend>
      <RowButtons marks={marks} actions={[confirm, cancel]} />
    </fieldset>
  );
}
