import { useDataProvider } from 'react-admin';
import type { GazetteDataProvider } from './dataProvider.ts';

/** react-admin's dataProvider with the dashboard's custom methods typed (as in its CRM example). */
export function useGazetteDataProvider(): GazetteDataProvider {
  return useDataProvider<GazetteDataProvider>();
}
