import type { DutySector } from './types.ts';

// The 职责部门 cells of a duty-allocation table (泸市府办发〔2024〕47号 附件) name sectors, not
// bodies: 住房城乡建设、交通运输等部门. These are the sectors, and the city body holding each in
// Luzhou as the gazette prints it (resolved through the organisations and aliases in the database).
const SECTOR_BODIES: Record<string, string> = {
  教育体育: '市教育体育局',
  住房城乡建设: '市住房城乡建设局',
  生态环境: '市生态环境局',
  公安: '市公安局',
  交通运输: '市交通运输局',
  // 城管执法: done in Luzhou by 泸州市综合行政执法局 (the 2019 reform); the gazette never prints
  // its name, so this is a judgement to review with someone who knows Luzhou.
  城管执法: '市综合行政执法局',
  文广旅: '市文化广电旅游局',
  市场监管: '市市场监管局',
  // 海关 and 海事 are vertically managed bodies, not city departments.
  海关: '泸州海关',
  海事: '泸州海事局',
  经济和信息化: '市经济和信息化局',
  // Article 6 of 47号 prints 自然资源规划和规划 (sic) for 自然资源和规划.
  自然资源规划和规划: '市自然资源和规划局',
  自然资源和规划: '市自然资源和规划局',
  水务: '市水务局',
};

/** Sectors a duty cell can name, longest first so 自然资源规划和规划 wins over shorter forms. */
export const DUTY_SECTORS: readonly string[] = Object.keys(SECTOR_BODIES).sort(
  (a, b) => b.length - a.length,
);

/** The printed name of the body holding a sector (to resolve through the database), or the sector itself. */
export function sectorBodyName(sector: string): string {
  return SECTOR_BODIES[sector] ?? sector;
}

function sectorsIn(clause: string): { sector: string; at: number }[] {
  const found: { sector: string; at: number }[] = [];
  let rest = clause;
  for (const sector of DUTY_SECTORS) {
    let from = 0;
    for (;;) {
      const at = rest.indexOf(sector, from);
      if (at < 0) break;
      found.push({ sector, at });
      // Blank the match so a shorter sector inside it is not found again.
      rest = rest.slice(0, at) + '\u0000'.repeat(sector.length) + rest.slice(at + sector.length);
      from = at + sector.length;
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

const tidy = (s: string) =>
  s
    .replace(/^(?:本条款|其中[,，]?)?涉及/u, '')
    .replace(/(?:问题)?引起的噪声污染$|的违法行为$|违法行为$/u, '')
    .trim();

/**
 * The sectors a 职责部门 cell names, in printed order, each with the role or scope the cell gives
 * it: 牵头 / 配合 (`由A等…主管部门商B、C等部门…`), the kind of violation of a numbered item
 * (`1. A部门对于X的行为…`), or the scope before `由` (`城镇规划区内,由A部门…`); null otherwise.
 */
export function dutySectorsOf(duty: string): DutySector[] {
  const result: DutySector[] = [];
  const add = (sector: string, role: string | null) => {
    if (!result.some((r) => r.sector === sector)) result.push({ sector, role });
  };
  for (const raw of duty.split(/[;；。\n]/u)) {
    const clause = raw.trim();
    if (!clause) continue;
    const sectors = sectorsIn(clause);
    if (sectors.length === 0) continue;
    const consult = clause.indexOf('商');
    if (
      /^由/u.test(clause) &&
      consult > 0 &&
      sectors.some((s) => s.at < consult) &&
      sectors.some((s) => s.at > consult)
    ) {
      for (const s of sectors) add(s.sector, s.at < consult ? '牵头' : '配合');
      continue;
    }
    const item = /^\d+[.．、]\s*/u.test(clause) ? /对(?:于)?(.+?)的?行为/u.exec(clause) : null;
    let role: string | null = item ? item[1]! : null;
    if (!role) {
      const by = clause.indexOf('由');
      const scope = by > 0 ? tidy(clause.slice(0, by).replace(/[,，]$/u, '')) : '';
      role = scope.length > 0 && sectors.every((s) => s.at > by) ? scope : null;
    }
    for (const s of sectors) add(s.sector, role);
  }
  return result;
}
