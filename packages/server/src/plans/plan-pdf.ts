// The genomförandeplan as a printable PDF for the client, with the letters' embedded DejaVu
// font so that å, ä and ö survive every reader. Pure: data in, bytes out.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { formatDate } from '../letters/decision-letter.ts';
import type { PlanContent, ResponsibleParty } from './plans.table.ts';

const FONTS = join(dirname(fileURLToPath(import.meta.url)), '../letters/fonts');

export const PARTY_NAMES: Record<ResponsibleParty, string> = {
  person: 'Du själv',
  caseworker: 'Din handläggare',
  labourMarketUnit: 'Kommunens arbetsmarknadsenhet',
  employmentService: 'Arbetsförmedlingen',
  socialInsuranceAgency: 'Försäkringskassan',
  healthCare: 'Hälso- och sjukvården',
  coordinationAssociation: 'Samordningsförbundet',
  other: 'Annan',
};

const AGREEMENT_NAMES = { digital: 'digitalt', paper: 'på papper', oral: 'muntligt (antecknat)' } as const;

export type PlanPdfData = {
  personName: string;
  municipalityName: string;
  version: number;
  createdOn: string;
  content: PlanContent;
  agreedOn: string | null;
  agreementMethod: 'digital' | 'paper' | 'oral' | null;
  nextFollowUpOn: string;
};

export async function renderPlanPdf(data: PlanPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: `Genomförandeplan för ${data.personName}`,
      Author: data.municipalityName,
      CreationDate: new Date(`${data.createdOn}T12:00:00Z`),
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
  const heading = (text: string) =>
    doc.moveDown(0.8).font('bold').fontSize(12).text(text).moveDown(0.2).font('regular').fontSize(10);

  doc.font('bold').fontSize(14).text(data.municipalityName);
  doc.moveDown(1).fontSize(16).text('Din genomförandeplan');
  doc
    .font('regular')
    .fontSize(10)
    .text(`${data.personName} · version ${data.version} · ${formatDate(data.createdOn)}`);

  heading('Ditt långsiktiga mål');
  doc.text(data.content.longTermGoal);

  heading('Delmål');
  data.content.subGoals.forEach((goal, index) => {
    doc.text(`${index + 1}. ${goal.outcome} (senast ${formatDate(goal.targetDate)})`);
  });

  heading('Vad vi gör och vem som ansvarar');
  for (const activity of data.content.activities) {
    const who = PARTY_NAMES[activity.responsible.party];
    const name = activity.responsible.name ? `, ${activity.responsible.name}` : '';
    const hours =
      (activity.hoursPerWeek !== null ? ` · ${activity.hoursPerWeek} timmar i veckan` : '') +
      (activity.endsOn ? ` · till och med ${activity.endsOn}` : '');
    doc.text(`• ${activity.description} — ansvarig: ${who}${name}${hours}`);
  }

  if (data.content.clientWords.trim()) {
    heading('Med dina egna ord');
    doc.text(data.content.clientWords);
  }

  heading('Överenskommelse');
  doc.text(
    data.agreedOn && data.agreementMethod
      ? `Vi kom överens om planen ${formatDate(data.agreedOn)} (${AGREEMENT_NAMES[data.agreementMethod]}).`
      : 'Planen är inte överenskommen ännu.',
  );
  doc.text(`Nästa uppföljning: ${formatDate(data.nextFollowUpOn)}.`);
  doc
    .moveDown(1)
    .fontSize(9)
    .text(
      'Planen görs tillsammans med dig och följs upp regelbundet. Du kan alltid be om att planen ändras.',
    );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
