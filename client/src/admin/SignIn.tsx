import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields/TextField';

/** Why the form is shown again: the token was refused, or it is a participant's, not the administrator's. */
export type SignInRefusal = 'refused' | 'notAdmin';

interface SignInProps {
  refusal: SignInRefusal | null;
  onSubmit: (token: string) => void;
}

/**
 * For an operator without the admin link at hand: the admin token pasted into a password field
 * (kept for this browser tab only, like the link's). A refusal says what happened and what to do.
 */
export function SignIn({ refusal, onSubmit }: SignInProps) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) {
      setMissing(true);
      form.current?.querySelector('input')?.focus();
      return;
    }
    onSubmit(value);
  };

  return (
    <main className="admin-main admin-signin" aria-labelledby="signin-heading">
      <h1 id="signin-heading">{t('admin.signIn.heading')}</h1>
      {refusal && (
        <p role="alert" className="admin-alert">
          {t(`admin.signIn.${refusal}`)}
        </p>
      )}
      <p>{t('admin.signIn.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate className="admin-signin-form">
        <TextField
          id="signin-token"
          type="password"
          label={t('admin.signIn.token')}
          value={token}
          onChange={(value) => {
            setToken(value);
            setMissing(false);
          }}
          trouble={missing ? { problem: 'required' } : undefined}
          required
          className="wide"
        />
        <button type="submit" className="primary">
          {t('admin.signIn.submit')}
        </button>
      </form>
    </main>
  );
}
