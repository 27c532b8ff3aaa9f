import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgendaDocument, LANGUAGES, LIMITS } from '../../../shared';
import {
  checkDocument,
  DOCUMENT_FIELDS,
  type DocumentField,
  type DocumentValues,
  SYMBOL_MAX,
} from './documentValues';
import { FieldMessage } from './fields/FieldMessage';
import { TextField } from './fields/TextField';
import { focusFirstTrouble, type Troubles, troublesOf } from './troubles';

interface DocumentFormProps {
  /** Unique per form on the page: the ids of its fields start with it. */
  id: string;
  /** "Add a document" or "Edit IRM-1/3": the form's name. */
  heading: ReactNode;
  initial: DocumentValues;
  /** The server's words about this document's fields, after a refused save. */
  serverTroubles: Troubles<DocumentField>;
  busy: boolean;
  onSubmit: (document: AgendaDocument) => void;
  onCancel: () => void;
}

/** The names of the six languages in the interface's language ("Arabic", "arabe", "árabe"…). */
export function useLanguageNames(): (code: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
    return (code: string) => names.of(code) ?? code;
  }, [i18n.language]);
}

/**
 * Adds or edits one document of an agenda item: its symbol, title, address and the languages it is
 * published in. The first field takes the focus when the form opens; Escape cancels.
 */
export function DocumentForm({
  id,
  heading,
  initial,
  serverTroubles,
  busy,
  onSubmit,
  onCancel,
}: DocumentFormProps) {
  const { t } = useTranslation();
  const languageName = useLanguageNames();
  const [values, setValues] = useState(initial);
  const [troubles, setTroubles] = useState<Troubles<DocumentField>>({});
  const form = useRef<HTMLFormElement>(null);
  const shown = { ...troubles, ...serverTroubles };

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  useEffect(() => {
    focusFirstTrouble(DOCUMENT_FIELDS, serverTroubles, (f) => `${id}-${f}`);
  }, [serverTroubles, id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDocument(values);
    if (!checked.ok) {
      const found = troublesOf(checked.problems, '');
      setTroubles(found);
      focusFirstTrouble(DOCUMENT_FIELDS, found, (f) => `${id}-${f}`);
      return;
    }
    setTroubles({});
    onSubmit(checked.document);
  };

  const toggle = (code: (typeof LANGUAGES)[number], on: boolean) =>
    setValues((v) => ({
      ...v,
      languages: on ? [...v.languages, code] : v.languages.filter((l) => l !== code),
    }));

  return (
    <form
      ref={form}
      className="admin-document-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <h4 id={`${id}-heading`}>{heading}</h4>
      <div className="admin-form-grid">
        <TextField
          id={`${id}-symbol`}
          label={t('admin.documents.symbol')}
          hint={t('admin.documents.symbolHint')}
          value={values.symbol}
          onChange={(symbol) => setValues((v) => ({ ...v, symbol }))}
          trouble={shown.symbol}
          required
          maxLength={SYMBOL_MAX}
          userText
        />
        <TextField
          id={`${id}-title`}
          label={t('admin.documents.title')}
          value={values.title}
          onChange={(title) => setValues((v) => ({ ...v, title }))}
          trouble={shown.title}
          required
          maxLength={LIMITS.shortText}
          userText
          className="wide"
        />
        <TextField
          id={`${id}-url`}
          type="url"
          label={t('admin.documents.url')}
          value={values.url}
          onChange={(url) => setValues((v) => ({ ...v, url }))}
          trouble={shown.url}
          required
          maxLength={2000}
          className="wide"
        />
      </div>
      <fieldset
        className="admin-languages"
        aria-describedby={shown.languages ? `${id}-languages-error` : undefined}
      >
        <legend>{t('admin.documents.languages')}</legend>
        {LANGUAGES.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              id={code === LANGUAGES[0] ? `${id}-languages` : undefined}
              checked={values.languages.includes(code)}
              onChange={(e) => toggle(code, e.target.checked)}
            />
            {languageName(code)}
          </label>
        ))}
        <FieldMessage id={`${id}-languages-error`} trouble={shown.languages} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('admin.documents.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('admin.dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
