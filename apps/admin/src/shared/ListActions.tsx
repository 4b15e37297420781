import {
  CreateButton,
  FilterButton,
  TopToolbar,
  useFilterContext,
  useListContext,
  useResourceDefinition,
} from 'react-admin';
import { ExportButton } from './ExportButton.tsx';

/** react-admin's default list actions (filters, create, export) with the dashboard's export. */
export function ListActions() {
  const { exporter } = useListContext();
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {hasCreate && <CreateButton />}
      {exporter !== false && <ExportButton />}
    </TopToolbar>
  );
}
