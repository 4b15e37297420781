import { badInput } from '@gazette/domain';

/** react-admin's getList shape: a page number from 1, a page size, one sort field and a filter. */
export interface PageInput<F> {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: 'ASC' | 'DESC' | null;
  filter?: F | null;
}

export const MAX_PER_PAGE = 100;

/** Checks page, perPage and the sort field, and gives Prisma's skip, take and orderBy. */
export function pageArgs(
  input: PageInput<unknown>,
  sortable: readonly string[],
  defaultSort: string,
) {
  const page = input.page ?? 1;
  const perPage = input.perPage ?? 25;
  if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page 必须是从 1 开始的整数');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badInput('perPage', `perPage 必须在 1 到 ${MAX_PER_PAGE} 之间`);
  }
  const field = input.sortField ?? defaultSort;
  if (!sortable.includes(field))
    throw badInput('sortField', `不支持按 ${field} 排序,可选:${sortable.join('、')}`);
  const direction = input.sortOrder === 'DESC' ? 'desc' : 'asc';
  return {
    skip: (page - 1) * perPage,
    take: perPage,
    orderBy: { [field]: direction } as Record<string, 'asc' | 'desc'>,
  };
}
