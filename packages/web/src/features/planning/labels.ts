// Planning's closed sets mapped to their UI words (the keys live in i18n/sv.ts and en.ts).
import type { Assessment, Plan } from '../../api/types.ts';
import { responsibleParties, supportBarriers } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/sv.ts';

export type SupportBarrier = (typeof supportBarriers)[number];
export type ResponsibleParty = (typeof responsibleParties)[number];
export type SectionKey = keyof Assessment['sections'];
export type ProgressStatus = Plan['followUps'][number]['progress'][number]['status'];

export const SECTION_KEYS: SectionKey[] = [
  'education',
  'workExperience',
  'swedishLanguage',
  'healthAsDescribed',
  'caringResponsibilities',
  'housing',
  'debts',
  'strengths',
  'ownGoals',
  'obstacles',
];

export const sectionLabel = (key: SectionKey): MessageKey => `assessment.section.${key}`;
export const barrierLabel = (id: SupportBarrier): MessageKey => `barrier.${id}`;
export const partyLabel = (party: ResponsibleParty): MessageKey => `party.${party}`;
export const progressLabel = (status: ProgressStatus): MessageKey => `progress.${status}`;
export const PROGRESS_STATUSES: ProgressStatus[] = ['notStarted', 'ongoing', 'achieved', 'changed'];
export const CAPACITIES = ['full', 'partial', 'none', 'unclear'] as const;
export const capacityLabel = (c: (typeof CAPACITIES)[number]): MessageKey => `capacity.${c}`;
export { responsibleParties, supportBarriers };
