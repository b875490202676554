// Demo collaboration data for Älvstad: contacts at the partner agencies, and two agreements —
// one followed up this year, one whose last follow-up is more than 12 months old.
import type { Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { demoUuids } from '../demo/synthetic.ts';
import { addMonths } from '../plans/planning-settings.ts';

const CONTACTS: Record<string, { name: string; role: string }[]> = {
  employmentService: [
    { name: 'Anders Björk', role: 'Arbetsförmedlare, lokal samverkan' },
    { name: 'Fatima Hassan', role: 'Arbetsförmedlare, unga vuxna' },
  ],
  socialInsuranceAgency: [{ name: 'Karin Vik', role: 'Rehabiliteringskoordinator' }],
  psychiatry: [{ name: 'Jonas Ek', role: 'Kurator, vuxenpsykiatrin' }],
  coordinationAssociation: [{ name: 'Helena Sjö', role: 'Förbundschef' }],
};

export async function seedCollaboration(
  db: Kysely<Database>,
  municipalityId: string,
  today: string,
): Promise<void> {
  const uuid = demoUuids(`${municipalityId}:collaboration:${today}`);
  if (municipalityId !== 'alvstad') return;
  await inTenant(db, municipalityId, async (trx) => {
    const agencies = await trx.selectFrom('partnerAgencies').select(['id', 'kind', 'name']).execute();
    const byKind = (kind: string) => agencies.find((a) => a.kind === kind);
    const contacts = agencies.flatMap((a) =>
      (CONTACTS[a.kind] ?? []).map((c) => ({
        municipalityId,
        id: uuid(),
        agencyId: a.id,
        ...c,
        phone: '0100-30 00 00',
        email: null,
      })),
    );
    if (contacts.length > 0) await trx.insertInto('agencyContacts').values(contacts).execute();
    const af = byKind('employmentService');
    const fk = byKind('socialInsuranceAgency');
    const so = byKind('coordinationAssociation');
    if (!af || !fk || !so) return;
    const older = { id: uuid(), from: addMonths(today, -32) };
    const newer = { id: uuid(), from: addMonths(today, -18) };
    await trx
      .insertInto('agreements')
      .values([
        {
          municipalityId,
          id: older.id,
          title: 'Lokal överenskommelse om unga vuxna utan arbete',
          partyAgencyIds: JSON.stringify([af.id]),
          decidedBy: 'Socialnämndens arbetsutskott och Arbetsförmedlingens sektionschef',
          decidedOn: addMonths(older.from, -1),
          validFrom: older.from,
          validTo: null,
          purpose: 'Att unga vuxna 18–24 år med försörjningsstöd snabbt får en aktivitet.',
          targetGroup: 'Unga vuxna 18–24 år med försörjningsstöd, inskrivna på Arbetsförmedlingen',
          procedure: 'Gemensamt inskrivningsmöte inom 14 dagar; uppföljning varannan månad.',
          responsibilities: JSON.stringify([
            {
              party: 'Älvstads kommun',
              responsibility: 'Kartläggning, försörjningsstöd och kommunala insatser',
            },
            { party: 'Arbetsförmedlingen', responsibility: 'Matchning, arbetsmarknadspolitiska program' },
          ]),
          reviewOn: addMonths(older.from, 24),
          economicCommitments: 'Ingen gemensam budget; varje part bär sina kostnader.',
          goals: JSON.stringify([
            { goal: 'Färre unga vuxna utan aktivitet', measure: 'Andel med aktivitet inom 30 dagar' },
          ]),
          createdBy: uuid(),
        },
        {
          municipalityId,
          id: newer.id,
          title: 'Samordnad rehabilitering via samordningsförbundet',
          partyAgencyIds: JSON.stringify([fk.id, so.id]),
          decidedBy: 'Samordningsförbundets styrelse',
          decidedOn: addMonths(newer.from, -1),
          validFrom: newer.from,
          validTo: null,
          purpose: 'Att personer med ohälsa får samordnat stöd mot arbete.',
          targetGroup: 'Personer 18–64 år aktuella hos minst två myndigheter',
          procedure: 'Remiss till samordningsförbundets team; trepartsmöte inom 30 dagar.',
          responsibilities: JSON.stringify([
            { party: 'Älvstads kommun', responsibility: 'Försörjning och arbetsträning' },
            { party: 'Försäkringskassan', responsibility: 'Bedömning av arbetsförmåga och ersättning' },
          ]),
          reviewOn: addMonths(newer.from, 24),
          economicCommitments: 'Kommunen bidrar med 25 % av förbundets budget (fiktivt).',
          goals: JSON.stringify([
            { goal: 'Fler till arbete eller studier', measure: 'Andel till arbete eller studier vid avslut' },
          ]),
          createdBy: uuid(),
        },
      ])
      .execute();
    await trx
      .insertInto('agreementFollowUps')
      .values([
        {
          municipalityId,
          id: uuid(),
          agreementId: older.id,
          followedUpOn: addMonths(older.from, 6),
          summary: 'Inskrivningsmötena fungerar; uppföljningen varannan månad har inte hållits.',
          goalResults: JSON.stringify([
            { goal: 'Färre unga vuxna utan aktivitet', result: '61 % inom 30 dagar' },
          ]),
          createdBy: uuid(),
        },
        {
          municipalityId,
          id: uuid(),
          agreementId: newer.id,
          followedUpOn: addMonths(today, -4),
          summary: 'Teamet har tagit emot 34 personer; 9 har gått till arbete eller studier.',
          goalResults: JSON.stringify([{ goal: 'Fler till arbete eller studier', result: '26 %' }]),
          createdBy: uuid(),
        },
      ])
      .execute();
  });
}
