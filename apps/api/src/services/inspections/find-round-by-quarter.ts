import { DomainError, formatQuarter, parseQuarter } from '@gazette/domain';
import type { PrismaClient } from '@gazette/db';

/** The round of a quarter (2024Q4, 2024q4); NOT_FOUND naming the quarter when there is none. */
export async function findRoundByQuarter(db: PrismaClient, quarter: string) {
  const q = formatQuarter(parseQuarter(quarter, 'quarter'));
  const round = await db.inspectionRound.findUnique({ where: { quarter: q } });
  if (!round) throw new DomainError('NOT_FOUND', `没有 ${q} 的检查记录`, { field: 'quarter' });
  return round;
}
