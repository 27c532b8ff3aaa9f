import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AddParticipantBody,
  CATEGORIES,
  type Category,
  emailSchema,
  LANGUAGES,
  type Language,
  type ParticipantRecord,
  REGIONS,
  type Region,
  type Role,
  RTO_CODES,
  type RtoCode,
  type UpdateParticipantBody,
} from '../../../../shared';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import { Dialog } from '../Dialog';
import type { ParticipantsApi } from './api';
import { languageName, personText } from './labels';
import { refusalText } from './refusal';

interface Fields {
  name: string;
  delegation: string;
  role: Role;
  category: Category;
  region: Region;
  rto: RtoCode | '';
  email: string;
  lang: Language | '';
}

type Problems = Partial<Record<'name' | 'delegation' | 'rto' | 'email', string>>;

const fieldsOf = (p: ParticipantRecord | null): Fields => ({
  name: p?.name ?? '',
  delegation: p?.delegation ?? '',
  role: p?.role ?? 'delegate',
  category: p?.category ?? 'member-state',
  region: p?.region ?? 'none',
  rto: p?.rto ?? '',
  email: p?.email ?? '',
  lang: p?.lang ?? '',
});

/** The fields of an edit that differ from the record: the PATCH body (null when nothing changed). */
export function changedFields(before: ParticipantRecord, after: Fields): UpdateParticipantBody | null {
  const body: UpdateParticipantBody = {};
  const trimmed = { ...after, name: after.name.trim(), delegation: after.delegation.trim() };
  if (trimmed.name !== before.name) body.name = trimmed.name;
  if (trimmed.delegation !== before.delegation) body.delegation = trimmed.delegation;
  if (after.role !== before.role) body.role = after.role;
  if (after.category !== before.category) body.category = after.category;
  if (after.region !== before.region) body.region = after.region;
  if ((after.rto || null) !== before.rto) body.rto = after.rto || null;
  if ((after.email.trim() || null) !== before.email) body.email = after.email.trim() || null;
  if ((after.lang || null) !== before.lang) body.lang = after.lang || null;
  return Object.keys(body).length > 0 ? body : null;
}

function addBody(f: Fields): AddParticipantBody {
  return {
    name: f.name.trim(),
    delegation: f.delegation.trim(),
    role: f.role,
    category: f.category,
    region: f.region,
    ...(f.rto ? { rto: f.rto } : {}),
    ...(f.email.trim() ? { email: f.email.trim() } : {}),
    ...(f.lang ? { lang: f.lang } : {}),
  };
}

interface ParticipantFormProps {
  api: ParticipantsApi;
  /** The participant to edit; null to add one. */
  participant: ParticipantRecord | null;
  /** The roles the caller may give (shared/domain/permissions.ts). */
  roles: Role[];
  /** Whether the caller may change this participant's role at all (a chair's: the administrator). */
  roleLocked: boolean;
  onSaved: (participant: ParticipantRecord, added: boolean) => void;
  onClose: () => void;
  fallbackFocus: () => HTMLElement | null;
}

/**
 * Adds or edits a participant. A spokesperson speaks for an RTO, so the RTO is then required; the
 * role list holds only the roles the caller may give. The server's refusal is shown in its words
 * next to the buttons, and the form keeps what was typed.
 */
export function ParticipantForm({
  api,
  participant,
  roles,
  roleLocked,
  onSaved,
  onClose,
  fallbackFocus,
}: ParticipantFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(participant));
  const [problems, setProblems] = useState<Problems>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const categoryTouched = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const spokesperson = fields.role === 'spokesperson';

  const check = (f: Fields): Problems => {
    const found: Problems = {};
    if (!f.name.trim()) found.name = t('people.form.required');
    if (!f.delegation.trim()) found.delegation = t('people.form.required');
    if (f.role === 'spokesperson' && !f.rto) found.rto = t('people.form.rtoRequired');
    if (f.email.trim() && !emailSchema.safeParse(f.email).success) found.email = t('people.form.badEmail');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(fields);
    setProblems(found);
    setRefusal(null);
    const first = (['name', 'delegation', 'rto', 'email'] as const).find((key) => found[key]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const body = participant ? changedFields(participant, fields) : null;
    if (participant && !body) return onClose();
    if (busy) return;
    setBusy(true);
    try {
      const saved = participant
        ? (await api.update(participant.id, body!)).participant
        : (await api.add(addBody(fields))).participant;
      onSaved(saved, !participant);
    } catch (error) {
      setRefusal(refusalText(error, t));
      setBusy(false);
    }
  };

  const describedBy = (key: keyof Problems, hint?: string) =>
    [problems[key] ? `${id}-${key}-problem` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const problem = (key: keyof Problems) =>
    problems[key] ? (
      <span id={`${id}-${key}-problem`} className="error">
        {problems[key]}
      </span>
    ) : null;

  return (
    <Dialog
      title={
        participant
          ? isolatedIn(t('people.form.editTitle', { person: SLOT_VALUE }), personText(participant))
          : t('people.form.addTitle')
      }
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <form ref={form} className="people-form" onSubmit={submit} noValidate>
        <div className="people-form-grid">
          {(['name', 'delegation'] as const).map((key) => (
            <Field key={key} id={`${id}-${key}`} label={t(`people.columns.${key}`)} after={problem(key)}>
              <input
                id={`${id}-${key}`}
                data-autofocus={key === 'name' ? '' : undefined}
                name={key}
                value={fields[key]}
                maxLength={200}
                required
                aria-invalid={!!problems[key]}
                aria-describedby={describedBy(key)}
                dir="auto"
                onChange={(e) => set(key, e.target.value)}
              />
            </Field>
          ))}
          <Field
            id={`${id}-role`}
            label={t('people.columns.role')}
            after={
              roleLocked && (
                <span id={`${id}-role-locked`} className="hint">
                  {participant?.role === 'chair' ? t('people.form.chairLocked') : t('people.form.viceLocked')}
                </span>
              )
            }
          >
            <select
              id={`${id}-role`}
              name="role"
              value={fields.role}
              disabled={roleLocked}
              aria-describedby={roleLocked ? `${id}-role-locked` : undefined}
              onChange={(e) => {
                const role = e.target.value as Role;
                setFields((f) => ({
                  ...f,
                  role,
                  // A spokesperson usually stands for the RTO itself; left alone once chosen by hand.
                  category:
                    !categoryTouched.current && role === 'spokesperson' && f.category === 'member-state'
                      ? 'rto'
                      : !categoryTouched.current && role !== 'spokesperson' && f.category === 'rto'
                        ? 'member-state'
                        : f.category,
                }));
              }}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-rto`}
            label={spokesperson ? t('people.form.rtoRequiredLabel') : t('people.columns.rto')}
            after={
              <>
                {spokesperson && (
                  <span id={`${id}-rto-hint`} className="hint">
                    {t('people.form.rtoHint')}
                  </span>
                )}
                {problem('rto')}
              </>
            }
          >
            <select
              id={`${id}-rto`}
              name="rto"
              value={fields.rto}
              required={spokesperson}
              aria-invalid={!!problems.rto}
              aria-describedby={describedBy('rto', spokesperson ? `${id}-rto-hint` : undefined)}
              onChange={(e) => set('rto', e.target.value as RtoCode | '')}
            >
              <option value="">{t('people.values.noRto')}</option>
              {RTO_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-category`} label={t('people.columns.category')}>
            <select
              id={`${id}-category`}
              name="category"
              value={fields.category}
              onChange={(e) => {
                categoryTouched.current = true;
                set('category', e.target.value as Category);
              }}
            >
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`people.categories.${category}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-region`} label={t('people.columns.region')}>
            <select
              id={`${id}-region`}
              name="region"
              value={fields.region}
              onChange={(e) => set('region', e.target.value as Region)}
            >
              {REGIONS.map((region) => (
                <option key={region} value={region}>
                  {t(`regions.${region}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-email`} label={t('people.columns.email')} after={problem('email')}>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              value={fields.email}
              maxLength={254}
              autoComplete="off"
              dir="ltr"
              aria-invalid={!!problems.email}
              aria-describedby={describedBy('email')}
              onChange={(e) => set('email', e.target.value)}
            />
          </Field>
          <Field id={`${id}-lang`} label={t('people.form.lang')}>
            <select
              id={`${id}-lang`}
              name="lang"
              value={fields.lang}
              onChange={(e) => set('lang', e.target.value as Language | '')}
            >
              <option value="">{t('people.values.defaultLang')}</option>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div role="alert" className="people-refusal">
          {refusal && <p className="error">{refusal}</p>}
        </div>
        <div className="button-row">
          {/* aria-disabled, not disabled: a disabled button drops the focus it holds. */}
          <button type="submit" className="primary" aria-disabled={busy}>
            {busy ? t('people.form.saving') : participant ? t('people.form.save') : t('people.form.add')}
          </button>
          <button type="button" onClick={onClose}>
            {t('people.form.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A label over its control, then the control's hint or problem (outside the label: not its name). */
function Field({
  id,
  label,
  after,
  children,
}: {
  id: string;
  label: string;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="people-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {after}
    </div>
  );
}
