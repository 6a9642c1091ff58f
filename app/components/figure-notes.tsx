/**
 * What a reader must know to trust a figure (app/domain/indicators/notes.ts): records that disagree with the
 * headcount, the plan's forms used and missing, units that have not entered. Compact under a figure's name in
 * a table; a box on its drill-down page.
 */
export function FigureNotes({ notes, boxed = false }: { notes?: string[]; boxed?: boolean }) {
  if (!notes?.length) return null;
  const list = (
    <ul className="figure-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
  if (!boxed) return list;
  return (
    <div className="alert alert--info" role="note">
      <strong>Lưu ý về số liệu</strong>
      {list}
    </div>
  );
}
