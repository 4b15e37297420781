import { badInput } from '../shared/errors.ts';
import { requireOrganization } from '../organizations/resolve-organization.ts';
import { NOISE_DUTY_ARTICLES } from './noise-duties.ts';
import { sectorDepartment } from './sector-departments.ts';
import type { DutyAssignment, NoiseDutyArticle } from './types.ts';

/** Every (article, body) pair of the duty table, in table order; throws if a sector is unmapped. */
export function dutyAssignments(
  articles: readonly NoiseDutyArticle[] = NOISE_DUTY_ARTICLES,
): DutyAssignment[] {
  return articles.flatMap((a) =>
    a.responsible.map((r) => {
      const organization = sectorDepartment(r.sector);
      if (!organization) {
        throw badInput('responsible.sector', `职责部门无法对应到机构:${r.sector}`, { seq: a.seq });
      }
      return { seq: a.seq, article: a.article, organization, sector: r.sector, role: r.role };
    }),
  );
}

/** The articles a body is responsible for (by any of its names), with its role in each. */
export function dutiesForDepartment(
  name: string,
  articles: readonly NoiseDutyArticle[] = NOISE_DUTY_ARTICLES,
): { article: NoiseDutyArticle; role: string | null }[] {
  const organization = requireOrganization(name, 'department').name;
  const mine = dutyAssignments(articles).filter((d) => d.organization === organization);
  return articles
    .filter((a) => mine.some((d) => d.seq === a.seq))
    .map((article) => ({
      article,
      role: mine.find((d) => d.seq === article.seq)?.role ?? null,
    }));
}

/** Bodies responsible for an article (by 序号), in printed order. */
export function departmentsForArticle(seq: number): DutyAssignment[] {
  if (!NOISE_DUTY_ARTICLES.some((a) => a.seq === seq)) {
    throw badInput('seq', `seq 不是职责分工方案中的序号(1–13):${seq}`);
  }
  return dutyAssignments().filter((d) => d.seq === seq);
}
