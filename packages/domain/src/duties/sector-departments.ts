import { requireOrganization } from '../organizations/resolve-organization.ts';

// The 职责部门 cells of 泸市府办发〔2024〕47号 name sectors, not bodies. Each maps to the city
// body that holds that sector in Luzhou (names resolved through the organisation registry).
const SECTOR_BODIES: Record<string, string> = {
  教育体育: '市教育体育局',
  住房城乡建设: '市住房城乡建设局',
  生态环境: '市生态环境局',
  公安: '市公安局',
  交通运输: '市交通运输局',
  // 城管执法: the city's urban-management enforcement is done by 泸州市综合行政执法局 (the body
  // formed in the 2019 reform); the issue never prints its name, so this mapping is a judgement.
  城管执法: '市综合行政执法局',
  文广旅: '市文化广电旅游局',
  市场监管: '市市场监管局',
  // 海关 and 海事 are vertically managed bodies, not city departments.
  海关: '泸州海关',
  海事: '泸州海事局',
  经济和信息化: '市经济和信息化局',
  // Article 6 prints 自然资源规划和规划 (sic) for 自然资源和规划.
  自然资源规划和规划: '市自然资源和规划局',
  自然资源和规划: '市自然资源和规划局',
  水务: '市水务局',
};

/** Official name of the body a sector of the duty table stands for, or null if unknown. */
export function sectorDepartment(sector: string): string | null {
  const key = (sector ?? '').replace(/\s+/gu, '').replace(/(?:部门|等)+$/u, '');
  const body = SECTOR_BODIES[key];
  return body ? requireOrganization(body, 'sector').name : null;
}

export const DUTY_SECTORS: readonly string[] = Object.keys(SECTOR_BODIES);
