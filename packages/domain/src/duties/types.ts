/** One sector a 职责部门 cell names, e.g. 公安, with the role or scope the cell gives it. */
export interface DutySector {
  /** The generic name as printed: 公安, 城管执法, 住房城乡建设 … */
  sector: string;
  /** 牵头 / 配合, or the scope of the duty (城镇规划区内); null when the cell gives none. */
  role: string | null;
}
