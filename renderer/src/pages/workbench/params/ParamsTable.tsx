import type { ReactNode } from 'react';
import { PairsEditor } from '../PairsEditor.tsx';
import { editRow, fromTable, rowsOf, type QueryParts, type QueryRow } from './query-sync.ts';

type Props = { parts: QueryParts; onChange: (parts: QueryParts) => void; below?: (row: QueryRow, index: number) => ReactNode };

/** The query as rows, kept in step with the URL field: an edit here rewrites the URL, an unticked row stays here only. */
export function ParamsTable({ parts, onChange, below }: Props) {
  return <PairsEditor label="Param" pairs={rowsOf(parts)} edit={editRow} blank={() => ({ name: '', value: '', enabled: true, raw: '' })} onChange={(rows) => onChange(fromTable(parts, rows))} {...(below ? { below } : {})} />;
}
