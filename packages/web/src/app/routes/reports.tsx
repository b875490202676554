import { DashboardPage } from '../../features/reporting/dashboard.tsx';

export function ReportsRoute() {
  return <DashboardPage />;
}
