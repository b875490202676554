// Demo data for the labour-market unit: partner agencies, and in Älvstad a handful of
// referrals from ekonomiskt bistånd to Arbetsmarknadsenheten at different points — waiting,
// returned, accepted by Sara Holm with a first meeting and a start, one on the wait list —
// with consent across the nämnd boundary and weeks of attendance (one with unexcused absence).
// The caseworkers' inboxes hold the notices those events sent them (older ones already read).
import type { Insertable, Kysely } from 'kysely';
import { inTenant } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { demoUuids } from '../demo/synthetic.ts';
import type { AttendanceWeekTable, InsatsParticipationTable } from '../insatser/insatser.table.ts';
import { addDays } from '../plans/planning-settings.ts';
import { isoWeek, mondayOf } from './clock.ts';
import type { AgencyKind, ReferralTable } from './referrals.table.ts';

const AGENCIES: { name: string; kind: AgencyKind }[] = [
  { name: 'Arbetsförmedlingen', kind: 'employmentService' },
  { name: 'Försäkringskassan', kind: 'socialInsuranceAgency' },
  { name: 'Region Fyrkanten, vuxenpsykiatrin (fiktivt)', kind: 'psychiatry' },
  { name: 'Region Fyrkanten, vårdcentralen Centrum (fiktivt)', kind: 'healthCare' },
  { name: 'Samordningsförbundet Fyrkanten (fiktivt)', kind: 'coordinationAssociation' },
];

type Plan = {
  sentDaysAgo: number;
  question: string;
  status: ReferralTable['status'];
  acceptedAfter?: number;
  firstMeetingAfter?: number;
  startAfter?: number;
  insats?: string;
  waiting?: boolean;
  returnReason?: string;
  actionPlan?: boolean;
  unexcusedWeek?: number;
};

const REFERRALS: Plan[] = [
  {
    sentDaysAgo: 19,
    question:
      'Behöver stöd att hitta en väg till arbete efter lång tid utan sysselsättning. Kan ni göra en arbetsförmågebedömning?',
    status: 'sent',
  },
  {
    sentDaysAgo: 3,
    question: 'Vill pröva praktik inom vård och omsorg. Behöver stöd med språket i arbetslivet.',
    status: 'sent',
  },
  {
    sentDaysAgo: 12,
    question: 'Önskar jobbcoachning inför att söka arbete inom lager och logistik.',
    status: 'returned',
    returnReason:
      'Personen deltar redan i Arbetsförmedlingens program Stöd och matchning; dubbla insatser blir fel.',
  },
  {
    sentDaysAgo: 44,
    question:
      'Arbetsträning för att pröva arbetsförmågan efter sjukskrivning. Personen vill jobba med händerna.',
    status: 'accepted',
    acceptedAfter: 5,
    firstMeetingAfter: 9,
    startAfter: 16,
    insats: 'Arbetsträning på Återbruket',
    actionPlan: true,
    unexcusedWeek: 1,
  },
  {
    sentDaysAgo: 30,
    question: 'Stöd att söka arbete; har erfarenhet från restaurang.',
    status: 'accepted',
    acceptedAfter: 4,
    firstMeetingAfter: 8,
    startAfter: 14,
    insats: 'Arbetsträning på Återbruket',
    actionPlan: true,
  },
  {
    sentDaysAgo: 16,
    question: 'Arbetsträning med stöd; personen har haft svårt att komma i gång på morgonen.',
    status: 'accepted',
    acceptedAfter: 6,
    firstMeetingAfter: 10,
    insats: 'Arbetsträning på Återbruket',
    waiting: true,
  },
];

export async function seedLabourMarket(
  db: Kysely<Database>,
  municipalityId: string,
  today: string,
): Promise<void> {
  const uuid = demoUuids(`${municipalityId}:labour-market:${today}`);
  await inTenant(db, municipalityId, async (trx) => {
    const agencies = AGENCIES.map((a) => ({ municipalityId, id: uuid(), ...a }));
    await trx.insertInto('partnerAgencies').values(agencies).execute();
    if (municipalityId !== 'alvstad') return;
    const coach = await trx
      .selectFrom('staffUsers')
      .select('id')
      .where('municipalityId', '=', municipalityId)
      .where('role', '=', 'coach')
      .where('unitId', '=', 'ame')
      .executeTakeFirst();
    const insatser = await trx
      .selectFrom('insatser')
      .select(['id', 'name', 'durationWeeks'])
      .where('ownerMunicipalityId', '=', municipalityId)
      .execute();
    // Applicants of current households, skipping protected identities; the later households of
    // each unit, so that examples built on the first ones stay as they were.
    const adults = await trx
      .selectFrom('householdMembers as m')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.municipalityId', '=', 'm.municipalityId').onRef('p.id', '=', 'm.personId'),
      )
      .select(['p.id', 'p.unitId', 'p.responsibleUserId'])
      .where('m.role', '=', 'applicant')
      .where('m.validTo', 'is', null)
      .where('p.confidentialityMarking', '=', false)
      .where('p.responsibleUserId', 'is not', null)
      .orderBy('p.personalIdentityNumber', 'desc')
      .execute();
    if (!coach || adults.length < REFERRALS.length) return;
    const referrals: Insertable<ReferralTable>[] = [];
    const participations: Insertable<InsatsParticipationTable>[] = [];
    const weeks: Insertable<AttendanceWeekTable>[] = [];
    const consents = [];
    const notices: Insertable<Database['notifications']>[] = [];
    /** A notice in the caseworker's inbox, read the day after when it is older than a week. */
    const notify = (staffId: string, personId: string, on: string, text: string) => {
      const at = new Date(`${on}T09:30:00Z`);
      notices.push({
        municipalityId,
        id: uuid(),
        channel: 'internal',
        recipient: `staff:${staffId}`,
        text,
        sendAfter: at,
        sentAt: null,
        personId,
        meetingId: null,
        createdAt: at,
        readAt: on < addDays(today, -7) ? new Date(at.getTime() + 86_400_000) : null,
      });
    };
    for (const [i, plan] of REFERRALS.entries()) {
      const person = adults[i];
      if (!person?.responsibleUserId) continue;
      const sentOn = addDays(today, -plan.sentDaysAgo);
      const consentId = uuid();
      consents.push({
        municipalityId,
        id: consentId,
        personId: person.id,
        agencyId: null,
        committeeId: 'aln',
        scope: JSON.stringify(['referral', 'attendance', 'assessment', 'meetings']),
        givenOn: sentOn,
        expiresOn: addDays(sentOn, 365),
        form: 'written' as const,
        recordedBy: person.responsibleUserId,
      });
      const at = (days: number | undefined) => (days === undefined ? null : addDays(sentOn, days));
      const acceptedOn = at(plan.acceptedAfter);
      const referralId = uuid();
      const insats = insatser.find((x) => x.name === plan.insats);
      const startedOn = plan.waiting ? null : at(plan.startAfter);
      referrals.push({
        municipalityId,
        id: referralId,
        personId: person.id,
        direction: 'internal',
        fromUnitId: person.unitId,
        toUnitId: 'ame',
        question: plan.question,
        insatsId: insats?.id ?? null,
        consentId,
        status: plan.status,
        sentOn,
        sentBy: person.responsibleUserId,
        coachId: acceptedOn ? coach.id : null,
        acceptedOn,
        returnReason: plan.returnReason ?? null,
        returnedOn: plan.returnReason ? addDays(sentOn, 2) : null,
        firstMeetingOn: at(plan.firstMeetingAfter),
        startedOn,
        actionPlanDueOn: acceptedOn ? addDays(acceptedOn, 14) : null,
        actionPlan: plan.actionPlan
          ? JSON.stringify({
              summary: 'Arbetsträning tre dagar i veckan, sedan utökning till heltid om det fungerar.',
              steps: [
                { description: 'Börja arbetsträning 3 dagar/vecka', by: addDays(sentOn, 20) },
                { description: 'Trepartssamtal om utökning', by: addDays(sentOn, 60) },
              ],
            })
          : null,
        actionPlanOn: plan.actionPlan && acceptedOn ? addDays(acceptedOn, 10) : null,
      });
      if (acceptedOn)
        notify(
          person.responsibleUserId,
          person.id,
          acceptedOn,
          'Remissen till Arbetsmarknadsenheten är antagen; coach Sara Holm.',
        );
      if (plan.returnReason)
        notify(
          person.responsibleUserId,
          person.id,
          addDays(sentOn, 2),
          `Remissen har skickats tillbaka: ${plan.returnReason}`,
        );
      if (plan.actionPlan && acceptedOn)
        notify(
          person.responsibleUserId,
          person.id,
          addDays(acceptedOn, 10),
          'Arbetsmarknadsenhetens handlingsplan är klar.',
        );
      if (!insats || !acceptedOn) continue;
      const participationId = uuid();
      participations.push({
        municipalityId,
        id: participationId,
        personId: person.id,
        referralId,
        insatsId: insats.id,
        status: plan.waiting ? 'waiting' : 'active',
        listedOn: at(plan.firstMeetingAfter) ?? acceptedOn,
        startedOn,
        plannedEndOn: startedOn ? addDays(startedOn, insats.durationWeeks * 7 - 1) : null,
        createdBy: coach.id,
      });
      if (!startedOn) continue;
      // Full weeks of attendance from the start up to last week.
      let week = mondayOf(startedOn) < startedOn ? addDays(mondayOf(startedOn), 7) : startedOn;
      let n = 0;
      while (addDays(week, 6) < today) {
        const unexcused = plan.unexcusedWeek === n ? 6 : 0;
        if (unexcused)
          notify(
            person.responsibleUserId,
            person.id,
            addDays(week, 7),
            `Ogiltig frånvaro vecka ${isoWeek(week)}: ${unexcused} av 18 planerade timmar i ${insats.name}.`,
          );
        weeks.push({
          municipalityId,
          participationId,
          personId: person.id,
          weekStart: week,
          plannedHours: 18,
          attendedHours: 18 - unexcused,
          absences: JSON.stringify(unexcused ? [{ reason: 'unexcused', hours: unexcused }] : []),
          unexcusedHours: unexcused,
          recordedBy: coach.id,
        });
        week = addDays(week, 7);
        n++;
      }
    }
    await trx.insertInto('consents').values(consents).execute();
    await trx.insertInto('referrals').values(referrals).execute();
    if (participations.length > 0)
      await trx.insertInto('insatsParticipations').values(participations).execute();
    if (weeks.length > 0) await trx.insertInto('attendanceWeeks').values(weeks).execute();
    if (notices.length > 0) await trx.insertInto('notifications').values(notices).execute();
  });
}
