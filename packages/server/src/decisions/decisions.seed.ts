// Demo delegationsordning and motiveringsmallar. Invented examples shaped like a typical
// municipality's: the caseworker grants försörjningsstöd up to 30 000 kr a month and may
// reject any amount; the unit manager grants up to 100 000 kr.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DelegationRuleTable, ReasonTemplateTable } from './decisions.table.ts';

type Rule = Omit<Insertable<DelegationRuleTable>, 'municipalityId'>;
type Template = Omit<Insertable<ReasonTemplateTable>, 'municipalityId'>;

const RULES: Rule[] = [
  {
    id: 'handlaggare-bevilja',
    role: 'caseworker',
    outcomes: ['granted', 'partiallyGranted'],
    maxAmount: 3_000_000,
    section: '3.1.1 (bistånd enligt 12 kap. 1 § SoL upp till 30 000 kr per månad)',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    id: 'handlaggare-avsla',
    role: 'caseworker',
    outcomes: ['rejected', 'dismissed'],
    maxAmount: null,
    section: '3.1.2 (avslag och avvisning enligt 12 kap. 1 § SoL)',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    id: 'enhetschef',
    role: 'unitManager',
    outcomes: ['granted', 'partiallyGranted', 'rejected', 'dismissed'],
    maxAmount: 10_000_000,
    section: '3.1.3 (bistånd enligt 12 kap. 1 § SoL upp till 100 000 kr per månad)',
    validFrom: '2025-07-01',
    validTo: null,
  },
];

const TEMPLATES: Template[] = [
  {
    id: 'bifall-forsorjningsstod',
    outcome: 'granted',
    title: 'Bifall: försörjningsstöd enligt norm',
    text: 'Du kan inte själv tillgodose dina behov under månaden. Ditt behov enligt riksnormen och dina skäliga kostnader är större än dina inkomster, och du har rätt till bistånd för skillnaden.',
    legalBasis: '12 kap. 1 § och 12 kap. 7 § socialtjänstlagen (2025:400)',
  },
  {
    id: 'avslag-inkomst-over-norm',
    outcome: 'rejected',
    title: 'Avslag: inkomsterna täcker behovet',
    text: 'Dina inkomster under månaden är större än ditt behov enligt riksnormen och dina skäliga kostnader. Du kan därför själv tillgodose dina behov.',
    legalBasis: '12 kap. 1 § socialtjänstlagen (2025:400)',
  },
  {
    id: 'avslag-arbetsmarknad',
    outcome: 'rejected',
    title: 'Avslag: inte till arbetsmarknadens förfogande',
    text: 'Du kan arbeta men har utan godtagbara skäl inte stått till arbetsmarknadens förfogande, till exempel genom att inte vara inskriven hos Arbetsförmedlingen.',
    legalBasis: '12 kap. 3 § socialtjänstlagen (2025:400)',
  },
  {
    id: 'delavslag-boendekostnad',
    outcome: 'partiallyGranted',
    title: 'Delavslag: boendekostnaden är högre än skälig nivå',
    text: 'Din boendekostnad är högre än vad som är skäligt på orten. Bistånd beviljas upp till en skälig boendekostnad.',
    legalBasis: '12 kap. 7 § första stycket 2 socialtjänstlagen (2025:400)',
  },
  {
    // Aktivitetskrav deviations: the reduction rests on the verified 12 kap. 5 § (refuse or
    // reduce continued försörjningsstöd when a person without acceptable reason stays away from
    // an assigned activity). The aktivitetskrav's own section is proposed and its number unknown.
    id: 'nedsattning-aktivitet',
    outcome: 'partiallyGranted',
    title: 'Nedsättning: uteblivit från planerad aktivitet',
    text: 'Du har utan godtagbart skäl inte deltagit i den aktivitet som ingår i din planering, trots förvarning. Försörjningsstödet sätts därför ned för månaden.',
    legalBasis: '12 kap. 5 § socialtjänstlagen (2025:400)',
  },
  {
    id: 'avvisning-ofullstandig',
    outcome: 'dismissed',
    title: 'Avvisning: ansökan kan inte prövas',
    text: 'Ansökan har inte kompletterats trots att du har fått besked om vad som saknas och att ansökan annars kan lämnas utan prövning.',
    legalBasis: '20 § förvaltningslagen (2017:900)',
  },
];

export async function seedDecisionRules(
  db: Kysely<Database>,
  municipalityIds: readonly string[],
): Promise<void> {
  for (const municipalityId of municipalityIds) {
    await db
      .insertInto('delegationRules')
      .values(RULES.map((rule) => ({ ...rule, municipalityId })))
      .execute();
    await db
      .insertInto('reasonTemplates')
      .values(TEMPLATES.map((template) => ({ ...template, municipalityId })))
      .execute();
  }
}
