import { useTranslation } from 'react-i18next';
import { duration } from '../format';

/** A length of time in the interface language's units, kept on one line ("4 min 10 s", never "4 min 10" and "s"). */
export function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  return <span className="record-duration">{duration(seconds, t)}</span>;
}
