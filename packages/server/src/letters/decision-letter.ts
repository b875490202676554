// Beslutsbrev — the written decision sent to the person (FL 2017:900 31–33 §§), as PDF with
// an embedded font so that å, ä and ö survive every reader. Pure: data in, bytes out.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Outcome } from '../decisions/decisions.table.ts';

const FONTS = join(dirname(fileURLToPath(import.meta.url)), 'fonts');

export type LetterAddress = { street: string; postalCode: string; city: string };

export type LetterData = {
  letterhead: { name: string; address: string; phone: string };
  /** The deciding body the appeal is sent to, e.g. "Socialnämnden". */
  committeeName: string;
  decisionId: string;
  /** YYYY-MM-DD. */
  date: string;
  /** YYYY-MM, the month the assistance is for. */
  month: string;
  /** Null for protected identity: a protected address is never printed (OSL 22 kap., FBL 16 §). */
  recipient: { name: string; address: LetterAddress | null };
  items: {
    description: string;
    requested: number;
    granted: number;
    outcome: Outcome;
    reasons: string;
    legalBasis: string;
  }[];
  reasoning: string;
  childBestInterest: string | null;
  calculation: {
    lines: { label: string; amount: number; basis: string }[];
    assistance: number;
    /** Decided reductions (SoL 2025:400 12 kap. 5 §), printed below the assistance. */
    reductions?: {
      label: string;
      amount: number;
      decidedAmount: number;
      basis: string;
      reason: string;
      /** Set when the reduction was capped at the assistance left. */
      cap: string | null;
    }[];
    assistanceAfterReductions?: number;
  } | null;
  decidedBy: { name: string; title: string };
};

export const OUTCOME_NAMES: Record<Outcome, string> = {
  granted: 'Bifall',
  partiallyGranted: 'Delvis bifall (delavslag)',
  rejected: 'Avslag',
  dismissed: 'Avvisning',
};

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** 1072000 öre → "10 720 kr" (space as thousands separator, öre only when there are any). */
export function formatKronor(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(ore);
  const kronor = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(kronor).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '−' : ''}${grouped}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}\u00a0kr`;
}

/** 2026-11-23 → "23 november 2026". */
export function formatDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** 2026-03 → "mars 2026". */
export function formatMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export async function renderDecisionLetter(data: LetterData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: `Beslut om ekonomiskt bistånd ${formatMonth(data.month)}`,
      Author: data.letterhead.name,
      CreationDate: new Date(`${data.date}T12:00:00Z`),
    },
    lang: 'sv-SE',
  });
  doc.registerFont('regular', join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(12).text(text).moveDown(0.2).font('regular').fontSize(10);
  };
  // Keep "44 §" and "3 kap." together on one line.
  const paragraph = (text: string) =>
    doc
      .font('regular')
      .fontSize(10)
      .text(text.replace(/ (§|kap\.)/g, '\u00a0$1'), { align: 'left' });

  // Letterhead and recipient.
  doc.font('bold').fontSize(14).text(data.letterhead.name);
  doc.font('regular').fontSize(9).text(data.committeeName);
  doc.text(data.letterhead.address);
  doc.text(`Telefon ${data.letterhead.phone}`);
  doc
    .moveDown(1.5)
    .fontSize(10)
    .text(`Datum: ${formatDate(data.date)}`);
  doc.text(`Beslutsnummer: ${data.decisionId}`);
  doc.moveDown(1).font('bold').text(data.recipient.name).font('regular');
  if (data.recipient.address) {
    doc.text(data.recipient.address.street);
    doc.text(`${data.recipient.address.postalCode} ${data.recipient.address.city}`);
  }

  doc
    .moveDown(1.5)
    .font('bold')
    .fontSize(16)
    .text(`Beslut om ekonomiskt bistånd för ${formatMonth(data.month)}`);

  heading('Beslut');
  for (const [index, item] of data.items.entries()) {
    doc
      .font('bold')
      .text(`${index + 1}. ${item.description}: ${OUTCOME_NAMES[item.outcome]}`)
      .font('regular');
    paragraph(`Du ansökte om ${formatKronor(item.requested)}. Du beviljas ${formatKronor(item.granted)}.`);
    paragraph(`Skäl: ${item.reasons}`);
    paragraph(`Lagrum: ${item.legalBasis}`);
    doc.moveDown(0.4);
  }
  const total = data.items.reduce((sum, item) => sum + item.granted, 0);
  doc
    .font('bold')
    .text(`Beviljat totalt: ${formatKronor(total)}`)
    .font('regular');

  // FL 2017:900 32 §: which rules were applied and which facts were decisive.
  heading('Motivering');
  paragraph(data.reasoning);

  if (data.childBestInterest) {
    // SoL 2025:400 3 kap. 1 §: the child's best interests in every measure that concerns a child.
    heading('Barnets bästa');
    paragraph(data.childBestInterest);
    paragraph('Bedömningen är gjord enligt 3 kap. 1 § socialtjänstlagen (2025:400).');
  }

  if (data.calculation) {
    heading('Så har vi räknat');
    for (const line of data.calculation.lines) {
      paragraph(`${line.label}: ${formatKronor(line.amount)} (${line.basis})`);
    }
    doc
      .font('bold')
      .text(`Ekonomiskt bistånd enligt beräkningen: ${formatKronor(data.calculation.assistance)}`);
    doc.font('regular');
    const reductions = data.calculation.reductions ?? [];
    if (reductions.length > 0) {
      doc.moveDown(0.4);
      for (const reduction of reductions) {
        paragraph(`${reduction.label}: −${formatKronor(reduction.amount)} (${reduction.basis})`);
        if (reduction.cap) {
          paragraph(`Beslutad nedsättning ${formatKronor(reduction.decidedAmount)}. ${reduction.cap}`);
        }
        paragraph(`Skäl för nedsättningen: ${reduction.reason}`);
      }
      doc
        .font('bold')
        .text(
          `Ekonomiskt bistånd efter nedsättning: ${formatKronor(data.calculation.assistanceAfterReductions ?? data.calculation.assistance)}`,
        );
      doc.font('regular');
    }
  }

  doc.moveDown(1);
  paragraph(
    `Beslutet är fattat av ${data.decidedBy.name}, ${data.decidedBy.title}, på delegation av ${data.committeeName.toLowerCase()}.`,
  );

  // FL 2017:900 33 § and 44 §, SoL 2025:400 35 kap. 1 §: how to appeal, to whom, by when.
  heading('Hur du överklagar');
  paragraph(
    'Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. ' +
      `Skicka eller lämna ditt överklagande till ${data.committeeName.toLowerCase()}, ${data.letterhead.name}, ${data.letterhead.address}, inte direkt till förvaltningsrätten. ` +
      'Nämnden prövar först om beslutet ska ändras och skickar sedan överklagandet vidare till förvaltningsrätten.',
  );
  paragraph(
    'Överklagandet måste ha kommit in inom tre veckor från den dag du fick del av beslutet (44 § förvaltningslagen 2017:900). ' +
      'Annars kan det inte prövas.',
  );
  paragraph(
    'Skriv i överklagandet vilket beslut du överklagar (datum och beslutsnummer), hur du vill att beslutet ska ändras och varför. ' +
      'Skicka med det du vill att domstolen ska ta hänsyn till. Skriv ditt namn, personnummer, adress och telefonnummer och skriv under.',
  );
  paragraph(`Vill du ha hjälp att överklaga kan du ringa ${data.letterhead.phone}.`);

  doc.end();
  await done;
  return Buffer.concat(chunks);
}
