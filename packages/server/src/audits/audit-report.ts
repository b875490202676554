// The audit report, pseudonymised: files are "Akt n", never names or personnummer. PDF (with
// the letters' DejaVu font so å, ä and ö survive) and XLSX sheets. Pure: data in, bytes out.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Sheet } from '../reporting/tabular-export.ts';
import type { AuditSample } from './audits.service.ts';

const FONTS = join(dirname(fileURLToPath(import.meta.url)), '../letters/fonts');
export const RESULT_NAMES = {
  met: 'Uppfyllt',
  notMet: 'Ej uppfyllt',
  notApplicable: 'Ej tillämpligt',
} as const;

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 1000) / 10} %`);

export function reportSheets(sample: AuditSample, municipality: string): Sheet[] {
  const title = (id: string) => sample.objectives.find((o) => o.id === id)?.title ?? id;
  return [
    {
      name: 'Sammanfattning',
      header: ['Kontrollmål', 'Uppfyllt', 'Ej uppfyllt', 'Ej tillämpligt', 'Andel uppfyllt'],
      rows: [
        ...sample.summary.map((s) => [s.title, s.met, s.notMet, s.notApplicable, s.shareMet]),
        [],
        [`${municipality}: ${sample.name}`],
        [
          `Period ${sample.criteria.from}–${sample.criteria.to}, ${sample.files.length} akter, frö ${sample.seed}`,
        ],
      ],
    },
    {
      name: 'Akter',
      header: ['Akt', 'Kontrollmål', 'Resultat', 'Underlag', 'Revisorns kommentar', 'Granskad'],
      rows: sample.files.flatMap((f) =>
        f.findings.map((x) => [
          f.pseudonym,
          title(x.objective),
          RESULT_NAMES[x.result],
          x.basis,
          x.comment,
          x.reviewed,
        ]),
      ),
    },
  ];
}

export async function renderAuditPdf(sample: AuditSample, municipality: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `Granskning: ${sample.name}`, Author: municipality },
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
  doc.font('bold').fontSize(14).text(municipality);
  doc.moveDown(0.5).fontSize(16).text(`Granskning: ${sample.name}`);
  doc
    .font('regular')
    .fontSize(10)
    .moveDown(0.3)
    .text(
      `Period ${sample.criteria.from}–${sample.criteria.to}. ${sample.files.length} slumpvis dragna akter (frö ${sample.seed}, dragna ${sample.drawnAt.slice(0, 10)}). Akterna redovisas med pseudonym.`,
    );
  doc.moveDown(0.8).font('bold').fontSize(12).text('Sammanfattning per kontrollmål');
  doc.font('regular').fontSize(10);
  for (const s of sample.summary)
    doc.text(
      `${s.title}: ${s.met} uppfyllt, ${s.notMet} ej uppfyllt, ${s.notApplicable} ej tillämpligt (${percent(s.shareMet)} uppfyllt)`,
    );
  doc.moveDown(0.8).font('bold').fontSize(12).text('Kontrollmål');
  doc.font('regular').fontSize(10);
  for (const o of sample.objectives) doc.text(`${o.title}: ${o.question}`);
  doc.moveDown(0.8).font('bold').fontSize(12).text('Iakttagelser per akt');
  for (const f of sample.files) {
    doc.moveDown(0.4).font('bold').fontSize(10).text(f.pseudonym);
    doc.font('regular');
    for (const x of f.findings) {
      const title = sample.objectives.find((o) => o.id === x.objective)?.title ?? x.objective;
      doc.text(
        `${title}: ${RESULT_NAMES[x.result]}. ${x.basis}${x.comment ? ` Kommentar: ${x.comment}` : ''}`,
      );
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
