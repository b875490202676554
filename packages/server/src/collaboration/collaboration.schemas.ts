// Collaboration: agency contacts, multi-party meeting records and the agreements register (zod only).
import { z } from 'zod';

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD');
const required = (max: number, missing: string) => z.string(missing).trim().min(1, missing).max(max);

export const contactInput = z.strictObject({
  name: required(200, 'Ange kontaktpersonens namn'),
  role: required(200, 'Ange kontaktpersonens roll, till exempel arbetsförmedlare eller rehabkoordinator'),
  phone: z.string().trim().max(40).nullable().default(null),
  email: z.email('Ogiltig e-postadress').nullable().default(null),
});
export const contactSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  role: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const contactList = z.object({ items: z.array(contactSchema) });

export const collaborationMeetingInput = z.strictObject({
  heldOn: isoDate,
  purpose: required(500, 'Ange syftet med mötet'),
  participants: z
    .array(
      z.strictObject({
        agencyId: z.uuid('Ogiltig samverkanspart').nullable().default(null),
        name: required(200, 'Ange deltagarens namn'),
        role: required(200, 'Ange deltagarens roll'),
      }),
    )
    .min(2, 'Ett samverkansmöte har minst två deltagare')
    .max(20),
  summary: required(8000, 'Sammanfatta mötet'),
  agreedActions: z
    .array(
      z.strictObject({
        action: required(1000, 'Beskriv åtgärden'),
        responsible: required(200, 'Ange vem som ansvarar'),
        by: isoDate,
      }),
    )
    .max(20)
    .default([]),
});
export const collaborationMeetingSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  heldOn: z.string(),
  purpose: z.string(),
  participants: z.array(z.object({ agencyId: z.uuid().nullable(), name: z.string(), role: z.string() })),
  agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  summary: z.string(),
  agreedActions: z.array(z.object({ action: z.string(), responsible: z.string(), by: z.string() })),
});
export const collaborationMeetingList = z.object({ items: z.array(collaborationMeetingSchema) });

export const agreementInput = z.strictObject({
  title: required(300, 'Ange överenskommelsens namn'),
  partyAgencyIds: z.array(z.uuid('Ogiltig samverkanspart')).min(1, 'Ange minst en samverkanspart').max(10),
  decidedBy: required(
    300,
    'Ange vem på ledningsnivå som beslutade (till exempel förvaltningschef eller nämnd)',
  ),
  decidedOn: isoDate,
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  purpose: required(4000, 'Beskriv syftet'),
  targetGroup: required(2000, 'Beskriv målgruppen'),
  procedure: required(8000, 'Beskriv arbetssättet (rutinen)'),
  responsibilities: z
    .array(
      z.strictObject({
        party: required(200, 'Ange part'),
        responsibility: required(2000, 'Beskriv ansvaret'),
      }),
    )
    .min(2, 'Ange ansvarsfördelningen för minst två parter')
    .max(10),
  reviewOn: isoDate,
  economicCommitments: z.string().trim().max(4000).default(''),
  goals: z
    .array(
      z.strictObject({
        goal: required(1000, 'Beskriv målet'),
        measure: required(1000, 'Ange hur målet mäts'),
      }),
    )
    .min(1, 'Ange minst ett mätbart mål')
    .max(20),
});
export const agreementFollowUpInput = z.strictObject({
  followedUpOn: isoDate,
  summary: required(8000, 'Sammanfatta uppföljningen'),
  goalResults: z
    .array(z.strictObject({ goal: required(1000, 'Ange målet'), result: required(2000, 'Ange resultatet') }))
    .max(20)
    .default([]),
});
export const agreementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  parties: z.array(z.object({ id: z.uuid(), name: z.string() })),
  decidedBy: z.string(),
  decidedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  purpose: z.string(),
  targetGroup: z.string(),
  procedure: z.string(),
  responsibilities: z.array(z.object({ party: z.string(), responsibility: z.string() })),
  reviewOn: z.string(),
  economicCommitments: z.string(),
  goals: z.array(z.object({ goal: z.string(), measure: z.string() })),
  current: z.boolean(),
  reviewOverdue: z.boolean(),
  lastFollowedUpOn: z.string().nullable(),
  notFollowedUpIn12Months: z.boolean(),
  followUps: z.array(
    z.object({
      id: z.uuid(),
      followedUpOn: z.string(),
      summary: z.string(),
      goalResults: z.array(z.object({ goal: z.string(), result: z.string() })),
    }),
  ),
});
export const agreementList = z.object({ items: z.array(agreementSchema) });
