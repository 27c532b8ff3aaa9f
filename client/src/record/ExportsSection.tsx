import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared';
import { saveBlob } from '../admin/participants/download';
import { type CsvSeparator, separatorFor } from '../admin/participants/invitationsFile';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { LanguageOptions } from '../components/LanguageSelect';
import { LANGUAGES } from '../i18n';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { iCan } from '../room/selectors';
import { isCsvFile, RECORD_FILES, type RecordApi, type RecordFile } from './api';
import { FailureAlert, type RecordFailure } from './FailureAlert';
import { whenProposalArrives } from './whenProposalArrives';

/** The key of each file's button's label. */
const FILE_LABEL = {
  'record.docx': 'record.exports.files.docx',
  'record.md': 'record.exports.files.md',
  'interventions.csv': 'record.exports.files.interventionsCsv',
  'attendance.csv': 'record.exports.files.attendanceCsv',
  'checks.csv': 'record.consensus.checksCsv',
  'record.xlsx': 'record.exports.files.xlsx',
  'events.jsonl': 'record.exports.files.jsonl',
} as const satisfies Record<RecordFile, string>;

type Task = RecordFile | 'summary';

const interfaceLanguage = (code: string): Language => LANGUAGES.find((l) => l.code === code)?.code ?? 'en';

/**
 * The record's files in the language chosen (the interface's by default), the CSV ones with the
 * separator chosen (until then, the one a spreadsheet in the interface's language expects, as for
 * the invitations' list), and for those who may draft it, a new draft of the chair's summary in
 * that language, opened in the room's editor.
 * One call at a time; the buttons stay focusable meanwhile (aria-disabled, not disabled, which
 * would drop the focus).
 */
export function ExportsSection({ api, onOpenText }: { api: RecordApi; onOpenText: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const [lang, setLang] = useState<Language>(() => interfaceLanguage(i18n.language));
  const [chosenSeparator, setSeparator] = useState<CsvSeparator | null>(null);
  const separator = chosenSeparator ?? separatorFor(i18n.language);
  const [busy, setBusy] = useState<Task | null>(null);
  const [notice, setNotice] = useState<ReactNode>('');
  const [failure, setFailure] = useState<RecordFailure | null>(null);
  const mayDraft = iCan(state, 'summary.create');

  const run = async (task: Task, working: string, work: () => Promise<ReactNode>) => {
    if (busy) return;
    setBusy(task);
    setFailure(null);
    setNotice(working);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice('');
      setFailure({ task: task === 'summary' ? 'summary' : 'download', error });
    } finally {
      setBusy(null);
    }
  };

  const download = (file: RecordFile) =>
    run(file, t('record.exports.downloading'), async () => {
      const { blob, fileName } = await api.download(file, lang, isCsvFile(file) ? separator : undefined);
      saveBlob(blob, fileName);
      return isolatedIn(t('record.exports.downloaded', { file: SLOT_VALUE }), fileName);
    });

  const draftSummary = () =>
    run('summary', t('record.summary.creating'), async () => {
      const proposal = await api.draftSummary(lang);
      await whenProposalArrives(room, proposal.id);
      onOpenText(proposal.id);
      return t('record.summary.created', { symbol: proposal.symbol });
    });

  return (
    <section className="record-section record-exports" aria-labelledby="record-exports-heading">
      <h3 id="record-exports-heading">{t('record.exports.heading')}</h3>
      <label className="record-lang">
        {t('record.exports.language')}
        <select
          value={lang}
          onChange={(e) => setLang(interfaceLanguage(e.target.value))}
          data-testid="record-lang"
        >
          <LanguageOptions />
        </select>
      </label>
      <label className="record-lang">
        {t('record.exports.separator.label')}
        <select
          value={separator}
          onChange={(e) => setSeparator(e.target.value === 'semicolon' ? 'semicolon' : 'comma')}
          data-testid="record-separator"
        >
          <option value="comma">{t('record.exports.separator.comma')}</option>
          <option value="semicolon">{t('record.exports.separator.semicolon')}</option>
        </select>
      </label>
      <ul className="record-files">
        {RECORD_FILES.map((file) => (
          <li key={file}>
            <button
              type="button"
              aria-disabled={busy !== null}
              data-testid={`record-download-${file}`}
              onClick={() => void download(file)}
            >
              {t(FILE_LABEL[file])}
            </button>
          </li>
        ))}
      </ul>
      {mayDraft && (
        <div className="record-summary">
          <h4>{t('record.summary.heading')}</h4>
          <p className="hint">{t('record.summary.hint')}</p>
          <button
            type="button"
            className="primary"
            aria-disabled={busy !== null}
            data-testid="record-draft-summary"
            onClick={() => void draftSummary()}
          >
            {t('record.summary.create')}
          </button>
        </div>
      )}
      <p className="record-notice" role="status" data-testid="record-notice">
        {notice}
      </p>
      {failure && <FailureAlert failure={failure} />}
    </section>
  );
}
