// Query keys that more than one feature touches: investigation, calculation, decision and
// payment all change the errand, so each refreshes the same errand query after a write.
export const errandKeys = {
  all: ['errands'] as const,
  list: (state: string) => ['errands', 'list', state] as const,
  detail: (id: string) => ['errands', 'detail', id] as const,
};
