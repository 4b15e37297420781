// The 审批表 of 泸市监规发〔2024〕2号 附件2、3、6、8 and the 附件1 申请书, as a case returns them:
// each step brings its form, prefilled with 案件名称 (name, subject, 案号), 经办人 (the 承办人)
// and a reason citing the guidance's articles; the forms cost no statement per case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT, OPEN, OPEN_INPUT, TRANSITION, createHarness, type ApiHarness } from './helpers.ts';

const FORMS = `query($id: ID!) { case(id: $id) {
  approvalForms { kind annex label issuer title rows { label text signer signerName dateLine } }
  applicationForm { annex title addressee paragraphs { text blankLines } applicantLabel applicant dateLine }
} }`;

interface Form {
  kind: string;
  annex: string;
  title: string;
  rows: {
    label: string;
    text: string | null;
    signer: string | null;
    signerName: string | null;
    dateLine: string | null;
  }[];
}

let h: ApiHarness;
let sup: string;
let counting = false;
const statements: string[] = [];

beforeAll(async () => {
  h = await createHarness({ onQuery: (e) => counting && statements.push(e.query) });
  sup = (await h.userToken('SUPERVISOR')).token;
});
afterAll(() => h.close());

const INPUT = {
  ...OPEN_INPUT,
  caseNumber: '测试处〔2025〕3号',
  handler: '孙某、周某',
  caseFiledOn: '2025-01-02',
};

async function open(input: Record<string, unknown> = INPUT): Promise<string> {
  const r = await h.gql(OPEN, { input }, sup);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.openDiscretionReview.case.id;
}

async function move(id: string, event: Record<string, unknown>) {
  const r = await h.gql(TRANSITION, { id, event }, sup);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
}

async function forms(id: string): Promise<{ approvalForms: Form[]; applicationForm: unknown }> {
  const r = await h.gql(FORMS, { id }, sup);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.case;
}

const text = (form: Form, label: string) => form.rows.find((r) => r.label === label)?.text;

describe('a case at each step gets its 审批表', () => {
  it('registered: 附件2 with 案件名称, 案号, 经办人 and 第六条 cited; the 申请书 names the applicant', async () => {
    const id = await open();
    const c = await forms(id);
    expect(c.approvalForms.map((f) => [f.kind, f.annex])).toEqual([['REVIEW', '附件2']]);
    const [review] = c.approvalForms;
    expect(review!.title).toBe('涉案主体裁量审查评估审批表');
    expect(text(review!, '案件名称')).toBe(
      `${OPEN_INPUT.caseName}（涉案主体：${OPEN_INPUT.subjectName}；案号：测试处〔2025〕3号）`,
    );
    expect(text(review!, '审批事项')).toBe('涉案主体裁量审查评估申请');
    const reason = review!.rows[2]!;
    expect(reason).toMatchObject({
      label: '提请审批的理由、依据及处理意见',
      signer: '经办人',
      signerName: '孙某、周某',
    });
    expect(reason.dateLine).toMatch(/^年\s+月\s+日$/u);
    expect(reason.text).toContain('2025年1月2日，我局立案调查');
    expect(reason.text).toContain('第六条第（一）项、第九条');
    expect(review!.rows.slice(3).map((r) => [r.label, r.signer, r.text])).toEqual([
      ['执法机构负责人意见', '办案机构负责人', null],
      ['部门负责人或主要负责人意见', '部门负责人', null],
      ['备注', null, null],
    ]);
    expect(c.applicationForm).toMatchObject({
      annex: '附件1',
      addressee: '泸州市市场监督管理局',
      applicant: OPEN_INPUT.subjectName,
      applicantLabel: '申请人',
    });
  });

  it('accepted: 附件2 proposes acceptance with 第四条 and 第十三条, 附件3 proposes the suspension', async () => {
    const id = await open({ ...INPUT, caseNumber: '测试处〔2025〕4号' });
    await move(id, { ...ACCEPT, note: '经部门负责人审核同意' });
    const { approvalForms } = await forms(id);
    expect(approvalForms.map((f) => f.annex)).toEqual(['附件2', '附件3']);
    const [review, suspension] = approvalForms;
    expect(text(review!, '提请审批的理由、依据及处理意见')).toContain(
      '审查评估期限15日（2025年1月10日至2025年1月25日）',
    );
    expect(text(review!, '提请审批的理由、依据及处理意见')).toContain(
      '办理说明：经部门负责人审核同意。',
    );
    expect(suspension!.title).toBe('涉案主体裁量审查中止调查审批表');
    expect(text(suspension!, '提请审批的理由、依据及处理意见')).toContain(
      '第十三条及《市场监督管理行政处罚程序规定》第四十六条',
    );
    expect(suspension!.rows[2]!.signerName).toBe('孙某、周某');
  });

  it('terminated: 附件6 with the item of 第十五条 and the 业务机构 rows; no 附件8', async () => {
    const id = await open({ ...INPUT, caseNumber: '测试处〔2025〕5号' });
    await move(id, ACCEPT);
    await move(id, { type: 'TERMINATE', on: '2025-01-20', reason: 'OBSTRUCTION_OR_FRAUD' });
    const { approvalForms } = await forms(id);
    expect(approvalForms.map((f) => f.kind)).toEqual(['REVIEW', 'SUSPENSION', 'TERMINATION']);
    const termination = approvalForms[2]!;
    expect(text(termination, '审批事项')).toBe('涉案主体裁量审查评估终止考察');
    expect(text(termination, '提请审批的理由、依据及处理意见')).toContain(
      '2025年1月20日，该市场主体拒不配合监督考察或整改弄虚作假，属于《泸州市市场监管局行政处罚改正违法行为裁量审查评估指导意见》第十五条第（三）项规定的情形',
    );
    expect(termination.rows.slice(3, 5).map((r) => r.label)).toEqual([
      '业务机构负责人意见',
      '部门负责人意见',
    ]);
  });

  it('result recorded and decided: 附件8 says 未通过 and cites 第十六条; a non-application has no 申请书', async () => {
    const id = await open({
      ...INPUT,
      caseNumber: '测试处〔2025〕6号',
      trigger: 'ENFORCEMENT_UNIT',
      handler: null,
    });
    await move(id, ACCEPT);
    await move(id, { type: 'RECORD_RESULT', on: '2025-01-24', passed: false });
    await move(id, { type: 'DECIDE', on: '2025-01-27', decision: 'STANDARD' });
    const c = await forms(id);
    expect(c.approvalForms.map((f) => f.kind)).toEqual(['REVIEW', 'SUSPENSION', 'RESULT']);
    const result = c.approvalForms[2]!;
    expect(result.title).toBe('涉案主体裁量审查评估结果审批表');
    expect(text(result, '提请审批的理由、依据及处理意见')).toContain(
      '2025年1月10日至2025年1月24日',
    );
    expect(text(result, '提请审批的理由、依据及处理意见')).toContain('未通过裁量审查评估验收');
    expect(text(result, '提请审批的理由、依据及处理意见')).toContain('依据第十六条');
    expect(result.rows[2]!.signerName).toBeNull();
    expect(c.applicationForm).toBeNull();
  });

  it('lists cases with their forms in a constant number of statements', async () => {
    const PAGE =
      '{ casesPage(perPage: 100) { nodes { id approvalForms { kind rows { text } } } } }';
    const run = async () => {
      statements.length = 0;
      counting = true;
      const r = await h.gql(PAGE, {}, sup);
      counting = false;
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return { n: statements.length, nodes: r.data!.casesPage.nodes as unknown[] };
    };
    const before = await run();
    await open({ ...INPUT, caseNumber: '测试处〔2025〕7号' });
    await open({ ...INPUT, caseNumber: '测试处〔2025〕8号' });
    const after = await run();
    expect(after.nodes.length).toBe(before.nodes.length + 2);
    expect(after.n).toBe(before.n);
  });
});
