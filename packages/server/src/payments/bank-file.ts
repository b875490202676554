// Bank files for a payment batch: ISO 20022 pain.001.001.03 (customer credit transfer
// initiation, what Swedish banks take for salary-like mass payments) and a semicolon CSV for
// municipalities whose bank or finance system lacks it. Amounts are integer öre until written.
import { isValidIban } from './iban.ts';

export type Transfer = { paymentId: string; amount: number; month: string; account: string; name: string };

export type BankFileHeader = {
  batchId: string;
  createdAt: Date;
  paymentDate: string;
  debtor: { name: string; account: string | null };
};

/** 123456 öre → "1234.56". */
export function kronor(ore: number, decimalSeparator = '.'): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}${decimalSeparator}${String(abs % 100).padStart(2, '0')}`;
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all (control characters other than tab and newlines).
  const printable = [...text].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff)
    );
  });
  return printable
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Max35Text identifiers: a UUID without hyphens (32 characters). */
function compactId(uuid: string): string {
  return uuid.replace(/-/g, '');
}

function accountXml(account: string): string {
  const compact = account.replace(/[\s-]/g, '').toUpperCase();
  if (isValidIban(compact)) return `<Id><IBAN>${escapeXml(compact)}</IBAN></Id>`;
  // Swedish clearing + account number without IBAN: BBAN as a proprietary scheme.
  return `<Id><Othr><Id>${escapeXml(compact.replace(/\D/g, ''))}</Id><SchmeNm><Prtry>BBAN</Prtry></SchmeNm></Othr></Id>`;
}

function isoDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** Names are Max140Text; banks print the first 35 characters. */
function name(text: string): string {
  return escapeXml(text.slice(0, 70));
}

export function renderPain001(header: BankFileHeader, transfers: readonly Transfer[]): string {
  const total = transfers.reduce((sum, t) => sum + t.amount, 0);
  const id = compactId(header.batchId);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<CstmrCdtTrfInitn>',
    '<GrpHdr>',
    `<MsgId>${id}</MsgId>`,
    `<CreDtTm>${isoDateTime(header.createdAt)}</CreDtTm>`,
    `<NbOfTxs>${transfers.length}</NbOfTxs>`,
    `<CtrlSum>${kronor(total)}</CtrlSum>`,
    `<InitgPty><Nm>${name(header.debtor.name)}</Nm></InitgPty>`,
    '</GrpHdr>',
    '<PmtInf>',
    `<PmtInfId>${id}</PmtInfId>`,
    '<PmtMtd>TRF</PmtMtd>',
    `<NbOfTxs>${transfers.length}</NbOfTxs>`,
    `<CtrlSum>${kronor(total)}</CtrlSum>`,
    '<PmtTpInf><SvcLvl><Cd>NURG</Cd></SvcLvl><CtgyPurp><Cd>SSBE</Cd></CtgyPurp></PmtTpInf>',
    `<ReqdExctnDt>${header.paymentDate}</ReqdExctnDt>`,
    `<Dbtr><Nm>${name(header.debtor.name)}</Nm></Dbtr>`,
    `<DbtrAcct>${accountXml(header.debtor.account ?? '')}</DbtrAcct>`,
    '<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>',
    '<ChrgBr>SLEV</ChrgBr>',
  ];
  for (const t of transfers) {
    lines.push(
      '<CdtTrfTxInf>',
      `<PmtId><EndToEndId>${compactId(t.paymentId)}</EndToEndId></PmtId>`,
      `<Amt><InstdAmt Ccy="SEK">${kronor(t.amount)}</InstdAmt></Amt>`,
      `<Cdtr><Nm>${name(t.name)}</Nm></Cdtr>`,
      `<CdtrAcct>${accountXml(t.account)}</CdtrAcct>`,
      `<RmtInf><Ustrd>${escapeXml(`Ekonomiskt bistånd ${t.month}`)}</Ustrd></RmtInf>`,
      '</CdtTrfTxInf>',
    );
  }
  lines.push('</PmtInf>', '</CstmrCdtTrfInitn>', '</Document>', '');
  return lines.join('\n');
}

function csvField(value: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Semicolon-separated, Swedish decimal comma, UTF-8 with BOM so Excel reads å, ä, ö. */
export function renderCsv(header: BankFileHeader, transfers: readonly Transfer[]): string {
  const rows = [
    ['Betalnings-id', 'Mottagare', 'Konto', 'Belopp (kr)', 'Betalningsdag', 'Meddelande'],
    ...transfers.map((t) => [
      t.paymentId,
      t.name,
      t.account,
      kronor(t.amount, ','),
      header.paymentDate,
      `Ekonomiskt bistånd ${t.month}`,
    ]),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}
