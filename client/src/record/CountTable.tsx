import { useTranslation } from 'react-i18next';
import type { AttendanceCount } from '../../../shared';
import { ScrollCaption, TableScroll } from './TableScroll';

/** Registered and attending participants under each key (region, RTO, category), zeros included. */
export function CountTable<K extends string>(props: {
  caption: string;
  keyHeading: string;
  counts: AttendanceCount<K>[];
  label: (key: K) => string;
}) {
  const { caption, keyHeading, counts, label } = props;
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="record-table record-counts-table">
        <ScrollCaption>{caption}</ScrollCaption>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            <th scope="col">{t('record.attendance.registered')}</th>
            <th scope="col">{t('record.attendance.attended')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.key}>
              <th scope="row">{label(c.key)}</th>
              <td>{c.registered}</td>
              <td>{c.attended}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
