import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface JoinLinkProps {
  id: string;
  label: string;
  url: string;
}

/**
 * A join link to hand over: in a read-only field (selected on focus, for Ctrl+C) with a Copy
 * button, whose outcome is announced. The link signs its holder in, so it is shown, never logged.
 */
export function JoinLink({ id, label, url }: JoinLinkProps) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard (an http page, a refused permission): the link is selected for Ctrl+C.
      field.current?.select();
      setCopied('no');
    }
  };
  return (
    <div className="admin-join-link">
      <div className="admin-field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={field}
          id={id}
          type="text"
          readOnly
          value={url}
          dir="ltr"
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <button type="button" onClick={() => void copy()}>
        {t('admin.link.copy')}
      </button>
      <p role="status" className="admin-status">
        {copied === 'yes' ? t('admin.link.copied') : copied === 'no' ? t('admin.link.copyFailed') : ''}
      </p>
    </div>
  );
}
