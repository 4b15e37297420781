import { requireOrganization } from '../organizations/resolve-organization.ts';

// The 职责部门 cells of 泸市府办发〔2024〕47号 name sectors, not bodies. Each maps to the city
// body that holds that sector in Luzhou (names resolved through the organisation registry).
import { DUTY_SECTORS, sectorBodyName } from './duty-sectors.ts';

/** Official name of the body a sector of the duty table stands for (registry), or null if unknown. */
export function sectorDepartment(sector: string): string | null {
  const key = (sector ?? '').replace(/\s+/gu, '').replace(/(?:部门|等)+$/u, '');
  if (!DUTY_SECTORS.includes(key)) return null;
  return requireOrganization(sectorBodyName(key), 'sector').name;
}
