import { type DragEvent, Fragment, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportError, ImportResult, ImportUpdated, ParticipantRecord } from '../../../../shared';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import { Dialog } from '../Dialog';
import { ApiError } from '../http';
import type { ParticipantsApi } from './api';
import { ChangeList } from './ChangeList';
import { reasonParts } from './importReasons';
import { PersonName } from './labels';
import { refusalText } from './refusal';

/** The server takes at most 1 MiB of CSV (docs/protocol.md); a larger file is refused before it is sent. */
const MAX_BYTES = 1024 * 1024;
/** The rows listed by name in the preview; the rest are counted. */
const LISTED = 200;

type Phase =
  | { kind: 'pick' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'preview'; fileName: string; csv: string; result: ImportResult; refused: boolean }
  | { kind: 'importing'; fileName: string; csv: string; result: ImportResult }
  | { kind: 'done'; result: ImportResult };

interface ImportDialogProps {
  api: ParticipantsApi;
  /** The participants now, to say what an update changes. */
  participants: readonly ParticipantRecord[];
  onImported: (result: ImportResult) => void;
  onClose: () => void;
  fallbackFocus: () => HTMLElement | null;
}

/** An import's answer as the server sends it with a 422: the error and the plan with its errors. */
function refusedPlan(error: unknown): ImportResult | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !error.body) return null;
  const body = error.body as Partial<ImportResult>;
  return Array.isArray(body.errors) && Array.isArray(body.created) && Array.isArray(body.updated)
    ? { created: body.created, updated: body.updated, unchanged: body.unchanged ?? 0, errors: body.errors }
    : null;
}

/**
 * "Import registration list (CSV)": the file is checked first (a dry run: what it would add and
 * change, and every line that cannot be imported, by its line number); only a file without errors
 * can be imported, all of it at once. The focus follows each step: the preview's heading, then
 * the summary.
 */
export function ImportDialog({ api, participants, onImported, onClose, fallbackFocus }: ImportDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (phase.kind === 'preview' || phase.kind === 'done') resultHeading.current?.focus();
  }, [phase.kind]);

  const check = async (file: File) => {
    setProblem(null);
    if (file.size > MAX_BYTES) return setProblem(t('people.import.tooLarge'));
    setPhase({ kind: 'checking', fileName: file.name });
    const csv = await file.text();
    // A file saved in another encoding decodes with replacement characters: names would be garbled.
    if (csv.includes('\uFFFD')) {
      setPhase({ kind: 'pick' });
      return setProblem(t('people.import.notUtf8'));
    }
    try {
      const result = await api.importCsv(csv, true);
      setPhase({ kind: 'preview', fileName: file.name, csv, result, refused: false });
    } catch (error) {
      setPhase({ kind: 'pick' });
      setProblem(refusalText(error, t));
    }
  };

  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = ''; // so choosing the same file again, fixed, is seen
    if (file) void check(file);
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files);
  };

  const write = async () => {
    if (phase.kind !== 'preview' || blocked(phase.result)) return;
    setProblem(null);
    setPhase({ kind: 'importing', fileName: phase.fileName, csv: phase.csv, result: phase.result });
    try {
      const result = await api.importCsv(phase.csv, false);
      setPhase({ kind: 'done', result });
      onImported(result);
    } catch (error) {
      const plan = refusedPlan(error);
      if (plan) setPhase({ ...phase, result: plan, refused: true });
      else {
        setPhase(phase);
        setProblem(refusalText(error, t));
      }
    }
  };

  const shown = phase.kind === 'preview' || phase.kind === 'importing' ? phase : null;
  const busy = phase.kind === 'checking' || phase.kind === 'importing';

  return (
    <Dialog
      title={t('people.import.title')}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      className="people-import-dialog"
    >
      {phase.kind === 'done' ? (
        <section aria-labelledby={`${id}-done`} className="people-import-done">
          <h3 id={`${id}-done`} ref={resultHeading} tabIndex={-1}>
            {t('people.import.done')}
          </h3>
          <p>
            {t('people.import.doneCounts', {
              created: phase.result.created.length,
              updated: phase.result.updated.length,
              unchanged: phase.result.unchanged,
            })}
          </p>
        </section>
      ) : (
        <>
          <div className="people-import-help">
            <p>{t('people.import.columns')}</p>
            <pre dir="ltr" className="people-import-example">
              {'name;delegation;role;category;region;rto;email;lang\n' +
                'Amina Diallo;Kenya;Delegate;Member State;Africa;;amina.diallo@example.org;en'}
            </pre>
            <p className="hint">{t('people.import.format')}</p>
          </div>
          <label
            className={`people-dropzone${dragging ? ' dragging' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <span>{shown ? t('people.import.pickAgain') : t('people.import.pick')}</span>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,text/csv"
              aria-disabled={busy}
              onChange={(e) => (busy ? undefined : pick(e.target.files))}
            />
          </label>
        </>
      )}
      <p role="status" className="muted">
        {phase.kind === 'checking' && t('people.import.checking')}
        {phase.kind === 'importing' && t('people.import.importing')}
      </p>
      <div role="alert">{problem && <p className="error">{problem}</p>}</div>
      {shown && (
        <Preview
          headingId={`${id}-preview`}
          headingRef={resultHeading}
          fileName={shown.fileName}
          result={shown.result}
          refused={shown.kind === 'preview' && shown.refused}
          participants={participants}
        />
      )}
      <div className="button-row">
        {shown && (
          <button
            type="button"
            className="primary"
            disabled={blocked(shown.result)}
            aria-disabled={busy || undefined}
            aria-describedby={blocked(shown.result) ? `${id}-blocked` : undefined}
            onClick={write}
          >
            {t('people.import.confirm', {
              created: shown.result.created.length,
              updated: shown.result.updated.length,
            })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {phase.kind === 'done' ? t('people.close') : t('people.form.cancel')}
        </button>
      </div>
      {shown && blocked(shown.result) && (
        <p id={`${id}-blocked`} className="hint">
          {shown.result.errors.length > 0 ? t('people.import.fixFirst') : t('people.import.nothing')}
        </p>
      )}
    </Dialog>
  );
}

/** An import is offered only without errors and with something to do. */
const blocked = (r: ImportResult) => r.errors.length > 0 || r.created.length + r.updated.length === 0;

interface PreviewProps {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  fileName: string;
  result: ImportResult;
  /** The import itself was refused (the list changed since the preview). */
  refused: boolean;
  participants: readonly ParticipantRecord[];
}

function Preview({ headingId, headingRef, fileName, result, refused, participants }: PreviewProps) {
  const { t } = useTranslation();
  const byId = new Map(participants.map((p) => [p.id as string, p]));
  return (
    <section aria-labelledby={headingId} className="people-import-preview">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {isolatedIn(t('people.import.previewOf', { file: SLOT_VALUE }), fileName)}
      </h3>
      {refused && <p className="error">{t('people.import.refused')}</p>}
      <ul className="people-import-counts">
        <li>{t('people.import.toCreate', { n: result.created.length })}</li>
        <li>{t('people.import.toUpdate', { n: result.updated.length })}</li>
        <li>{t('people.import.unchanged', { n: result.unchanged })}</li>
        <li className={result.errors.length > 0 ? 'error' : undefined}>
          {t('people.import.errorCount', { n: result.errors.length })}
        </li>
      </ul>
      {result.errors.length > 0 && (
        <section
          className="people-import-list people-import-errors"
          aria-labelledby={`${headingId}-errors`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus
          tabIndex={0}
        >
          <h4 id={`${headingId}-errors`}>{t('people.import.errorsHeading')}</h4>
          <ul>
            {result.errors.map((e) => (
              <li key={`${e.line}-${e.message}`}>
                <strong>{t('people.import.line', { line: e.line })}</strong> <ErrorText error={e} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.updated.length > 0 && (
        <details className="people-import-list">
          <summary>{t('people.import.updatesHeading', { n: result.updated.length })}</summary>
          <ul>
            {result.updated.slice(0, LISTED).map((u) => (
              <UpdateLine key={u.line} update={u} before={byId.get(u.participantId)} />
            ))}
          </ul>
          {result.updated.length > LISTED && (
            <p className="hint">{t('people.import.more', { n: result.updated.length - LISTED })}</p>
          )}
        </details>
      )}
      {result.created.length > 0 && (
        <details className="people-import-list">
          <summary>{t('people.import.createsHeading', { n: result.created.length })}</summary>
          <ul>
            {result.created.slice(0, LISTED).map((c) => (
              <li key={c.line}>
                <strong>{t('people.import.line', { line: c.line })}</strong>{' '}
                <PersonName person={c.participant} />
                {' · '}
                {t(`roles.${c.participant.role}`)}
              </li>
            ))}
          </ul>
          {result.created.length > LISTED && (
            <p className="hint">{t('people.import.more', { n: result.created.length - LISTED })}</p>
          )}
        </details>
      )}
    </section>
  );
}

/**
 * Why a line cannot be imported, in the interface's language; values from the file in their own
 * `<bdi>`. Without a reason this client knows, the server's English message, marked as English.
 */
function ErrorText({ error }: { error: ImportError }) {
  const { t } = useTranslation();
  const parts = reasonParts(error.reason, t);
  if (!parts) return <bdi lang="en">{error.message}</bdi>;
  return parts.map((part) => (
    <Fragment key={part.key}>{'isolated' in part ? <bdi>{part.isolated}</bdi> : part.text}</Fragment>
  ));
}

function UpdateLine({ update, before }: { update: ImportUpdated; before: ParticipantRecord | undefined }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{t('people.import.line', { line: update.line })}</strong>{' '}
      {before ? <PersonName person={before} /> : <bdi>{update.participantId}</bdi>}{' '}
      <span className="hint">
        {update.matchedBy === 'email' ? t('people.import.matchedByEmail') : t('people.import.matchedByName')}
      </span>
      <ChangeList changes={update.changes} before={before} />
    </li>
  );
}
