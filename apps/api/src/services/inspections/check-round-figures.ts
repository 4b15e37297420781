import { DomainError, ROUND_FIGURE_PARTNERS, ZInspectionRoundFigures } from '@gazette/domain';

/**
 * The domain's rules for a round's figures (counts ≥ 0, closed and overdue ≤ received, the window
 * not ending before it starts), every issue named. `changed`: the fields a patch sent; a rule
 * between two figures names the one of them that was sent.
 */
export function checkRoundFigures(input: Record<string, unknown>, changed?: Set<string>): void {
  const result = ZInspectionRoundFigures.safeParse(input);
  if (result.success) return;
  const issues = result.error.issues.map((i) => {
    let key = String(i.path[0] ?? '');
    const partner = ROUND_FIGURE_PARTNERS[key];
    if (changed && !changed.has(key) && partner && changed.has(partner)) key = partner;
    return { field: `input.${key}`, message: i.message };
  });
  throw new DomainError('BAD_USER_INPUT', issues.map((i) => i.message).join(';'), {
    field: issues[0]?.field,
    details: { issues },
  });
}
