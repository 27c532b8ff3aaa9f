import type { InputHTMLAttributes } from 'react';

interface PartInputProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** `admin-field-short` for a number of two digits. */
  className?: string;
}

/**
 * One input of a field made of several (a date and a time; minutes and seconds), with its own
 * label; the field's legend, hint and trouble are shared by its parts (`aria-describedby`).
 */
export function PartInput({ id, label, className, ...input }: PartInputProps) {
  return (
    <div className={`admin-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}
