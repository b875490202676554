import { CompliancePage } from '../../features/work-queues/compliance-page.tsx';
import { PlanningSettingsPage } from '../../features/work-queues/settings-page.tsx';

export function ComplianceRoute() {
  return <CompliancePage />;
}

export function PlanningSettingsRoute() {
  return <PlanningSettingsPage />;
}
