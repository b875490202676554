// Tables out as CSV (semicolon-separated with decimal comma and a BOM, as Swedish Excel reads
// it) or XLSX (exceljs' streaming writer: rows are written as they are added, so a large
// export does not build the workbook in memory). Text that a spreadsheet would run as a
// formula (=, +, -, @ first) is quoted with an apostrophe.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;
export type Sheet = { name: string; header: string[]; rows: Cell[][] };

function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  const text = safeText(value);
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(sheet: Sheet): string {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook as a stream; each sheet's rows are committed one by one. */
export function xlsxStream(sheets: Sheet[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Stegvis';
  void (async () => {
    try {
      for (const sheet of sheets) {
        const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
        const header = ws.addRow(sheet.header);
        header.font = { bold: true };
        header.commit();
        for (const row of sheet.rows)
          ws.addRow(
            row.map((c) =>
              typeof c === 'string' ? safeText(c) : typeof c === 'boolean' ? (c ? 'ja' : 'nej') : c,
            ),
          ).commit();
        ws.commit();
      }
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
