import { WorkList } from './WorkList.tsx';
import { CompliancePage } from '../dashboard/CompliancePage.tsx';

/** The home page: the role's work list above the compliance figures. */
export function HomePage() {
  return (
    <>
      <WorkList />
      <CompliancePage />
    </>
  );
}
