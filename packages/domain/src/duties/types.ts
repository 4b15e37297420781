/** One sector a 职责部门 cell names, e.g. 公安, with the role or scope the cell gives it. */
export interface DutySector {
  /** The generic name as printed: 公安, 城管执法, 住房城乡建设 … */
  sector: string;
  /** 牵头 / 配合, or the scope of the duty (城镇规划区内); null when the cell gives none. */
  role: string | null;
}

/** A row of the noise-law duty table (DutyAllocation). */
export interface NoiseDutyArticle {
  /** 序号 */
  seq: number;
  /** 法律条款, e.g. 第四十三条第二款 */
  article: string;
  /** 法律内容, plain text (paragraphs become lines joined by \n) */
  lawText: string;
  /** 职责部门 as printed, plain text (list items become lines) */
  duty: string;
  responsible: readonly DutySector[];
}

/** A responsible body of an article (DutyAssignment), resolved to an official name. */
export interface DutyAssignment {
  seq: number;
  article: string;
  /** Official name of the body (organisation registry). */
  organization: string;
  sector: string;
  role: string | null;
}
