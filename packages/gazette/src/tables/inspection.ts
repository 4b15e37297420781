import { parseSmallNumber } from '@gazette/domain';
import type { GazetteDocument } from '../read-documents.ts';
import type { ReadReport } from '../report.ts';
import type {
  SeedAdoption,
  SeedDataCollectionGap,
  SeedInspectionRound,
  SeedNewMediaFinding,
  SeedWebsiteFinding,
} from '../seed-types.ts';
import { compact, LocatedText, parseChineseDate, stripCjkSpaces, type Line } from '../text.ts';
import { sameRow, type TsvBlock } from '../tsv.ts';

export type InspectionAnnex = 'WEBSITES' | 'NEW_MEDIA' | 'DATA_COLLECTION';

/** Which annex of an inspection notice a table is, from its header or caption. */
export function inspectionAnnexOf(block: TsvBlock): InspectionAnnex | null {
  const header = (block.rows[0]?.cells ?? []).map(compact);
  if (header.includes('检查网站')) return 'WEBSITES';
  if (header.includes('新媒体名称')) return 'NEW_MEDIA';
  if (block.caption.includes('数据汇集') || header[0]?.startsWith('未更新'))
    return 'DATA_COLLECTION';
  return null;
}

function num(text: string | undefined): number | null {
  return text === undefined ? null : /^\d+$/u.test(text) ? Number(text) : parseSmallNumber(text);
}

/** `2024年第四季度` → `2024Q4`. */
export function quarterOf(title: string): string | null {
  const m = /(\d{4})年第([一二三四1-4])季度/u.exec(title);
  if (!m) return null;
  const q = num(m[2]);
  return q ? `${m[1]}Q${q}` : null;
}

function names(list: string): string[] {
  return list
    .split(/[、,\uFF0C]/u)
    .map(compact)
    .filter((n) => n.length > 0);
}

/** The names of a `、`-separated list starting at `offset` of a located text, with their lines. */
function namesAt(list: string, offset: number, at: LocatedText): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  for (const m of list.matchAll(/[^、,\uFF0C]+/gu)) {
    const name = compact(m[0]);
    if (name.length > 0) found.push({ name, line: at.lineAt(offset + m.index) });
  }
  return found;
}

interface Figures {
  /** Line of the first headline figure (the websites checked). */
  line: number;
  websites: SeedInspectionRound['websites'];
  newMedia: SeedInspectionRound['newMedia'];
  messages: SeedInspectionRound['messages'];
  adoptions: SeedAdoption[];
}

/**
 * The headline figures of the notice text (泸市府室发〔2024〕34号 一). Paragraphs broken by OCR
 * mid-sentence (`办结` / `3条`) are read as one text; `line` names problems when a figure is
 * missing.
 */
export function readHeadlineFigures(
  notice: LocatedText,
  line: number,
  report: ReadReport,
): Figures {
  const t = notice.text;
  const need = (re: RegExp, what: string): RegExpExecArray | null => {
    const m = re.exec(t);
    if (!m) report.problem(line, 'INSPECTION_FIGURE_MISSING', `通报正文中未找到${what}`);
    return m;
  };
  const N = '(\\d+|[一二三四五六七八九十两百零]+)';
  const sites = need(
    new RegExp(`${N}个市政府门户网站、${N}个区县政府门户网站、${N}个市级部门网站`, 'u'),
    '政府网站检查数量',
  );
  const media = need(
    new RegExp(`${N}个区县、${N}个园区、${N}个市级有关部门正在运行的${N}个政务新媒体`, 'u'),
    '政务新媒体检查数量',
  );
  const received = need(new RegExp(`有效留言${N}条`, 'u'), '收到的网民留言数');
  const closed = need(new RegExp(`办结${N}条`, 'u'), '办结的网民留言数');
  let overdue: number | null = null;
  if (/零超期/u.test(t)) overdue = 0;
  else {
    const m = new RegExp(`超期${N}条`, 'u').exec(t);
    if (m) overdue = num(m[1]);
    else report.problem(line, 'INSPECTION_FIGURE_MISSING', '通报正文中未找到留言超期情况');
  }
  const [city, district, dept] = [1, 2, 3].map((k) => num(sites?.[k]) ?? 0);
  const adoptions: SeedAdoption[] = [];
  const push = (rating: SeedAdoption['rating'], match: RegExpExecArray | null) => {
    if (!match) return;
    for (const { name, line } of namesAt(match[1]!, match.indices![1]![0], notice)) {
      adoptions.push({
        rating,
        organization: name,
        position: adoptions.filter((a) => a.rating === rating).length,
        line,
      });
    }
  };
  const goodDistricts = /区县信息采用情况较好的有(.+?)[;\uFF1B。]/du.exec(t);
  const goodDepts = /部门信息采用情况较好的有(.+?)[;\uFF1B。]/du.exec(t);
  const zero = /采用为0条的(?:部门|单位)?有(.+?)[;\uFF1B。]/du.exec(t);
  if (!goodDistricts && !goodDepts && !zero) {
    report.problem(line, 'INSPECTION_FIGURE_MISSING', '通报正文中未找到信息采用情况');
  }
  push('GOOD', goodDistricts);
  push('GOOD', goodDepts);
  push('ZERO', zero);
  return {
    line: sites ? notice.lineAt(sites.index) : line,
    websites: {
      cityPortals: city!,
      districtPortals: district!,
      departmentSites: dept!,
      total: city! + district! + dept!,
    },
    newMedia: {
      districts: num(media?.[1]) ?? 0,
      parks: num(media?.[2]) ?? 0,
      departments: num(media?.[3]) ?? 0,
      accounts: num(media?.[4]) ?? 0,
    },
    messages: {
      received: num(received?.[1]) ?? 0,
      closed: num(closed?.[1]) ?? 0,
      overdue: overdue ?? 0,
    },
    adoptions,
  };
}

/** `检测时间为2024年10月1日至12月1日` (the end may omit the year). */
export function readWindow(text: string): { start: string; end: string } | null {
  const m =
    /检测时间为?(\d{4})年(\d{1,2})月(\d{1,2})日[至到—-](?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u.exec(
      compact(text),
    );
  if (!m) return null;
  const start = parseChineseDate(`${m[1]}年${m[2]}月${m[3]}日`);
  const end = parseChineseDate(`${m[4] ?? m[1]}年${m[5]}月${m[6]}日`);
  return start && end ? { start, end } : null;
}

function rectifiedOf(status: string): boolean | null {
  if (/^(?:已)?整改完成$|^已整改$/u.test(status)) return true;
  if (/^(?:未整改|整改中|未完成)$/u.test(status)) return false;
  return null;
}

export function readWebsiteAnnex(block: TsvBlock, report: ReadReport): SeedWebsiteFinding[] {
  const header = block.rows[0]!.cells;
  const findings: SeedWebsiteFinding[] = [];
  for (const { cells, line } of block.rows.slice(1)) {
    if (sameRow(cells, header)) {
      report.repair(line, 'REPEATED_HEADER', '分页重复的表头已跳过');
      continue;
    }
    const [seqText = '', site = '', issues = '', status = ''] = cells;
    if (!/^\d+$/u.test(seqText.trim())) {
      report.problem(line, 'WEBSITE_ROW_UNREADABLE', `无法识别的网站检查行:${cells.join(' | ')}`);
      continue;
    }
    const siteName = compact(site);
    if (siteName !== site.trim())
      report.repair(line, 'OCR_SPACE', `网站名称“${site.trim()}”读作“${siteName}”`);
    // Two findings in one cell are printed side by side, each opening with its column 《…》.
    const parts = issues
      .trim()
      .split(/\s+(?=《)/u)
      .map(stripCjkSpaces)
      .filter((p) => p !== '');
    if (parts.length > 1)
      report.repair(line, 'CELL_SPLIT', `一个单元格中有${parts.length}个问题,已分开`);
    if (parts.length === 0) report.problem(line, 'WEBSITE_NO_FINDING', `${siteName} 没有列出问题`);
    const rectified = rectifiedOf(compact(status));
    if (rectified === null) {
      report.problem(line, 'WEBSITE_STATUS', `${siteName} 的整改情况无法识别:“${status}”`);
    }
    parts.forEach((description, position) => {
      findings.push({
        siteSeq: Number(seqText),
        siteName,
        position,
        description,
        status: compact(status),
        rectified: rectified ?? false,
        line,
      });
    });
  }
  return findings;
}

export function readNewMediaAnnex(block: TsvBlock, report: ReadReport): SeedNewMediaFinding[] {
  const header = block.rows[0]!.cells.map(compact);
  const at = (name: string) => header.findIndex((c) => c.startsWith(name));
  const cols = {
    seq: at('序号'),
    account: at('新媒体名称'),
    owner: at('所属'),
    platform: at('类型'),
    issue: at('存在'),
  };
  if (Object.values(cols).some((i) => i < 0)) {
    report.problem(
      block.rows[0]!.line,
      'NEW_MEDIA_COLUMNS',
      `政务新媒体表的表头不全:${header.join(' | ')}`,
    );
  }
  const findings: SeedNewMediaFinding[] = [];
  for (const { cells, line } of block.rows.slice(1)) {
    const get = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    if (compact(get(cols.seq)) === '序号') {
      report.repair(line, 'REPEATED_HEADER', '分页重复的表头已跳过');
      continue;
    }
    if (!/^\d+$/u.test(compact(get(cols.seq)))) {
      report.problem(
        line,
        'NEW_MEDIA_ROW_UNREADABLE',
        `无法识别的政务新媒体行:${cells.join(' | ')}`,
      );
      continue;
    }
    const account = compact(get(cols.account));
    const owner = compact(get(cols.owner));
    if (account !== get(cols.account).trim() || owner !== get(cols.owner).trim()) {
      report.repair(
        line,
        'OCR_SPACE',
        `账号或主办单位名称中的换行空格已去除:${account} / ${owner}`,
      );
    }
    const finding: SeedNewMediaFinding = {
      seq: Number(compact(get(cols.seq))),
      account,
      owner,
      platform: compact(get(cols.platform)),
      description: stripCjkSpaces(get(cols.issue)),
      // Annex 2 prints no rectification column.
      rectified: false,
      line,
    };
    if (!finding.account || !finding.owner || !finding.platform || !finding.description) {
      report.problem(line, 'NEW_MEDIA_CELL_EMPTY', `政务新媒体第${finding.seq}行有空单元格`);
    }
    findings.push(finding);
  }
  return findings;
}

export function readDataCollectionAnnex(
  block: TsvBlock,
  report: ReadReport,
): SeedDataCollectionGap[] {
  const gaps: SeedDataCollectionGap[] = [];
  for (const { cells, line } of block.rows) {
    const label = compact(cells[0] ?? '');
    const m = /^未更新(\d{4})年(基础|过程)数据的(?:部门|单位)$/u.exec(label);
    if (!m) {
      report.problem(line, 'DATA_GAP_LABEL', `无法识别的数据汇集行:${cells[0] ?? ''}`);
      continue;
    }
    const list = cells.slice(1).join('、');
    const organizations = names(list);
    if (organizations.some((o, k) => o !== list.split(/[、,\uFF0C]/u)[k]?.trim())) {
      report.repair(line, 'OCR_SPACE', '部门名称中的换行空格已去除');
    }
    if (organizations.length === 0) report.problem(line, 'DATA_GAP_EMPTY', `${label} 没有列出部门`);
    gaps.push({
      kind: m[2] === '基础' ? 'BASE' : 'PROCESS',
      dataYear: Number(m[1]),
      organizations,
      lines: organizations.map(() => line),
    });
  }
  return gaps;
}

/**
 * The inspection round of a notice such as 泸市府室发〔2024〕34号: headline figures from its
 * text (up to the signature), the window from the annex note and the three annex tables.
 */
export function readInspection(
  lines: readonly Line[],
  doc: GazetteDocument,
  blocks: readonly TsvBlock[],
  report: ReadReport,
): SeedInspectionRound {
  const inDoc = lines.filter((l) => l.no >= doc.line && l.no <= doc.endLine);
  const signedAt = inDoc.findIndex(
    (l) => parseChineseDate(l.text) === doc.signedOn && /^\s*\d/u.test(l.text),
  );
  const notice = new LocatedText(signedAt >= 0 ? inDoc.slice(0, signedAt) : inDoc);
  const figures = readHeadlineFigures(notice, doc.line, report);

  const quarter = quarterOf(doc.title);
  if (!quarter) report.problem(doc.line, 'INSPECTION_QUARTER', `无法从标题确定季度:${doc.title}`);
  const window = readWindow(inDoc.map((l) => l.text).join(''));
  if (!window) report.problem(doc.line, 'INSPECTION_WINDOW', '未找到检测时间');

  const of = (annex: InspectionAnnex) => blocks.filter((b) => inspectionAnnexOf(b) === annex);
  const websiteFindings = of('WEBSITES').flatMap((b) => readWebsiteAnnex(b, report));
  const newMediaFindings = of('NEW_MEDIA').flatMap((b) => readNewMediaAnnex(b, report));
  const dataCollectionGaps = of('DATA_COLLECTION').flatMap((b) =>
    readDataCollectionAnnex(b, report),
  );
  for (const annex of ['WEBSITES', 'NEW_MEDIA', 'DATA_COLLECTION'] as const) {
    if (of(annex).length === 0)
      report.problem(doc.line, 'INSPECTION_ANNEX_MISSING', `未找到附件表格:${annex}`);
  }
  const { line, ...rest } = figures;
  return {
    quarter: quarter ?? '',
    policyDocNo: doc.docNo,
    line,
    windowStart: window?.start ?? '',
    windowEnd: window?.end ?? '',
    ...rest,
    websiteFindings,
    newMediaFindings,
    dataCollectionGaps,
  };
}
