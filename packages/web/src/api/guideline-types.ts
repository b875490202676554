// The guideline part of the API contract, inferred from the server's zod schemas.
export type {
  AdoptGuidelineVersion,
  GuidelineAdoption,
  GuidelineCap,
  GuidelineSetDetail,
  GuidelineSetSummary,
  GuidelineVersion,
  NewGuidelineAdoption,
  NewGuidelineVersion,
} from '@stegvis/server/api';
export { GUIDELINE_STATUSES as guidelineStatuses } from '@stegvis/server/api';
