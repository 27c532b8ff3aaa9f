import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen instead of widening the page. Focusable and
 * named after the table, so a keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A group, not a fieldset (no form here); focusable, for a region that scrolls is reachable by
    // keyboard only so.
    // biome-ignore lint/a11y/useSemanticElements: see above.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above.
    <div className="record-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * The caption of a table in a `TableScroll`: it keeps to the scroller's width and stays in view as
 * the table scrolls, so it wraps on a narrow screen instead of running off with the table.
 */
export function ScrollCaption({ children }: { children: ReactNode }) {
  return (
    <caption>
      <span className="record-caption">{children}</span>
    </caption>
  );
}

/**
 * A record table in its scroller: `caption` names both, `columns` are the column headings in order,
 * `children` the body's rows.
 */
export function RecordTable(props: {
  caption: string;
  columns: string[];
  className?: string;
  children: ReactNode;
}) {
  const { caption, columns, className, children } = props;
  return (
    <TableScroll label={caption}>
      <table className={className ? `record-table ${className}` : 'record-table'}>
        <ScrollCaption>{caption}</ScrollCaption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
