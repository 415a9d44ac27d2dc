/** RFC 4180 writing: every cell quoted, quotes doubled, CRLF between records. */

/** Spreadsheets run cells starting with = + - @ (and tab/CR) as formulas; a leading ' defuses them. */
export function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  return `"${neutralize(value).replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
