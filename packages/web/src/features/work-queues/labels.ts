import type { WorkQueues } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { legalStatusWords } from '../../i18n/labels.ts';
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

type QueueReason = WorkQueues['queues'][number]['items'][number]['reason'];

/** Why a person is in a queue, in the reader's language (the aktivitetskrav's legal status worded too). */
export function queueReasonText(t: Translate, reason: QueueReason): string {
  return t(
    `queueReason.${reason.code}`,
    reason.code === 'aktivitetskrav'
      ? { ...reason.params, status: legalStatusWords(t, String(reason.params.status)) }
      : reason.params,
  );
}
