// Investigation (utredning): incomes and costs for the errand's month in öre, checks with
// source and date, and uploaded documents. Every write refreshes the errand.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Attachment,
  Item,
  NewItem,
  Verification,
  VerificationKind,
  VerificationOutcome,
} from '../../api/case-types.ts';
import { useApi } from '../../api/context.tsx';
import { errandKeys } from '../../api/query-keys.ts';

/** Server limit for attachments (investigation.service.ts MAX_ATTACHMENT_BYTES). */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const attachmentTypes = ['application/pdf', 'image/jpeg', 'image/png'];

const base = (errandId: string) => `/api/v1/errands/${encodeURIComponent(errandId)}`;

function useErrandWrite<TInput, TResult>(errandId: string, write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: errandKeys.detail(errandId) });
    },
  });
}

export function useAddItem(errandId: string) {
  const api = useApi();
  return useErrandWrite(errandId, (item: NewItem) => api.post<Item>(`${base(errandId)}/items`, item));
}

export function useDeleteItem(errandId: string) {
  const api = useApi();
  return useErrandWrite(errandId, (itemId: string) =>
    api.delete(`${base(errandId)}/items/${encodeURIComponent(itemId)}`),
  );
}

export type NewVerification = {
  kind: VerificationKind;
  source: string;
  checkedOn: string;
  outcome: VerificationOutcome;
  note?: string;
};

export function useAddVerification(errandId: string) {
  const api = useApi();
  return useErrandWrite(errandId, (input: NewVerification) =>
    api.post<Verification>(`${base(errandId)}/verifications`, input),
  );
}

export function useUploadAttachment(errandId: string) {
  const api = useApi();
  return useErrandWrite(errandId, (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Attachment>(`${base(errandId)}/attachments`, form);
  });
}

export function attachmentUrl(errandId: string, attachmentId: string): string {
  return `${base(errandId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
