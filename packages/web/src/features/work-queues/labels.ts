import type { MessageKey } from '../../i18n/sv.ts';

export const QUEUE_CODES = [
  'planMissing',
  'followUpOverdue',
  'longTermWithoutPlan',
  'youngAdultWithoutActivity',
  'withoutActivity',
  'aktivitetskrav',
  'proposalDue',
  'planExpiring',
  'insatsEnded',
  'caseReview',
] as const;
export type QueueCode = (typeof QUEUE_CODES)[number];

/** The queue's UI name; a code the web does not know yet shows as the server's own title. */
export function queueLabel(code: string): MessageKey {
  return (QUEUE_CODES as readonly string[]).includes(code) ? `queue.${code as QueueCode}` : 'queue.unknown';
}
