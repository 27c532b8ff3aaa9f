import type { ReactNode } from 'react';
import { describedBy, FieldMessage, type FieldTrouble, troubled } from './FieldMessage';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  trouble?: FieldTrouble | undefined;
  hint?: ReactNode;
  type?: 'text' | 'url' | 'password';
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  disabled?: boolean;
  /** User text (titles, names): its direction follows its first strong letter. */
  userText?: boolean;
  className?: string;
  /** The field a dialog puts the focus on when it opens. */
  initialFocus?: boolean;
}

/** A labelled text input with its hint and what is wrong with it below. */
export function TextField({
  id,
  label,
  value,
  onChange,
  trouble,
  hint,
  type = 'text',
  required,
  maxLength,
  autoComplete = 'off',
  disabled,
  userText,
  className,
  initialFocus,
}: TextFieldProps) {
  return (
    <div className={`admin-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        maxLength={maxLength}
        autoComplete={autoComplete}
        disabled={disabled}
        dir={userText ? 'auto' : undefined}
        data-autofocus={initialFocus ? '' : undefined}
        spellCheck={type === 'text' ? undefined : false}
        aria-invalid={troubled(trouble) || undefined}
        aria-describedby={describedBy(id, !!hint, trouble)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} trouble={trouble} />
    </div>
  );
}
