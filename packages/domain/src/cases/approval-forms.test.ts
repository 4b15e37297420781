import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  approvalCaseTitle,
  approvalFormKinds,
  renderApplicationForm,
  renderApprovalForm,
  renderApprovalForms,
  type ApprovalFormCase,
  type RenderedApprovalForm,
} from './approval-forms.ts';

const REGISTERED: ApprovalFormCase = {
  caseName: '某食品经营者未按规定公示食品经营许可证案',
  subjectName: '泸州市江阳区某餐饮店',
  caseNumber: '泸市监处〔2025〕7号',
  handler: '孙某、周某',
  trigger: 'SUBJECT_APPLICATION',
  filedOn: '2025-01-06',
  caseFiledOn: '2025-01-02',
  steps: [],
};

const ACCEPTED: ApprovalFormCase = {
  ...REGISTERED,
  reviewMode: 'INTERNAL',
  reviewDays: 15,
  acceptedOn: '2025-01-10',
  reviewDeadline: '2025-01-25',
  conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'],
  steps: [{ type: 'ACCEPT', on: '2025-01-10', note: '经部门负责人审核同意' }],
};

const TERMINATED: ApprovalFormCase = {
  ...ACCEPTED,
  terminationReason: 'REFUSED_RECTIFICATION',
  steps: [...ACCEPTED.steps, { type: 'TERMINATE', on: '2025-01-20', note: null }],
};

const PASSED: ApprovalFormCase = {
  ...ACCEPTED,
  passed: true,
  steps: [...ACCEPTED.steps, { type: 'RECORD_RESULT', on: '2025-01-24', note: '整改报告已审阅' }],
};

const row = (form: RenderedApprovalForm, label: string) => {
  const found = form.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
};
const reason = (form: RenderedApprovalForm) => row(form, '提请审批的理由、依据及处理意见').text!;

describe('approval forms per step', () => {
  it('offers 附件2 from registration, 附件3 once accepted, 附件6 once terminated, 附件8 once a result is in', () => {
    expect(approvalFormKinds(REGISTERED)).toEqual(['REVIEW']);
    expect(approvalFormKinds({ ...REGISTERED, rejectionReason: '不符合第四条(一)' })).toEqual([
      'REVIEW',
    ]);
    expect(approvalFormKinds(ACCEPTED)).toEqual(['REVIEW', 'SUSPENSION']);
    expect(approvalFormKinds(TERMINATED)).toEqual(['REVIEW', 'SUSPENSION', 'TERMINATION']);
    expect(approvalFormKinds(PASSED)).toEqual(['REVIEW', 'SUSPENSION', 'RESULT']);
    expect(approvalFormKinds({ ...PASSED, passed: false })).toEqual([
      'REVIEW',
      'SUSPENSION',
      'RESULT',
    ]);
    expect(renderApprovalForms(TERMINATED).map((f) => f.annex)).toEqual([
      '附件2',
      '附件3',
      '附件6',
    ]);
  });

  it('lays every form out as printed: title, 审批事项, the rows and their signers', () => {
    const forms = Object.fromEntries(
      renderApprovalForms({ ...TERMINATED, passed: false }).map((f) => [f.kind, f]),
    );
    expect(forms.REVIEW!.rows.map((r) => [r.label, r.signer])).toEqual([
      ['案件名称', null],
      ['审批事项', null],
      ['提请审批的理由、依据及处理意见', '经办人'],
      ['执法机构负责人意见', '办案机构负责人'],
      ['部门负责人或主要负责人意见', '部门负责人'],
      ['备注', null],
    ]);
    expect(forms.SUSPENSION!.rows.slice(3, 5).map((r) => [r.label, r.signer])).toEqual([
      ['执法机构负责人意见', '办案机构负责人'],
      ['部门负责人意见', '部门负责人'],
    ]);
    for (const kind of ['TERMINATION', 'RESULT'])
      expect(forms[kind]!.rows.slice(3, 5).map((r) => [r.label, r.signer])).toEqual([
        ['业务机构负责人意见', '业务机构负责人'],
        ['部门负责人意见', '部门负责人'],
      ]);
    expect(Object.values(forms).map((f) => [f.issuer, f.title, row(f, '审批事项').text])).toEqual([
      ['泸州市市场监督管理局', '涉案主体裁量审查评估审批表', '涉案主体裁量审查评估申请'],
      ['泸州市市场监督管理局', '涉案主体裁量审查中止调查审批表', '涉案主体裁量审查中止调查'],
      [
        '泸州市市场监督管理局',
        '涉案主体裁量审查评估终止考察审批表',
        '涉案主体裁量审查评估终止考察',
      ],
      ['泸州市市场监督管理局', '涉案主体裁量审查评估结果审批表', '涉案主体裁量审查评估结果'],
    ]);
  });

  it('fills 案件名称 with the subject and 案号, 经办人 with the 承办人, and leaves dates and opinions blank', () => {
    const form = renderApprovalForm('REVIEW', ACCEPTED);
    expect(row(form, '案件名称').text).toBe(
      '某食品经营者未按规定公示食品经营许可证案（涉案主体：泸州市江阳区某餐饮店；案号：泸市监处〔2025〕7号）',
    );
    const proposing = row(form, '提请审批的理由、依据及处理意见');
    expect(proposing.signerName).toBe('孙某、周某');
    expect(proposing.dateLine).toMatch(/^年\s+月\s+日$/u);
    expect(row(form, '执法机构负责人意见')).toMatchObject({ text: null, signerName: null });
    expect(row(form, '备注')).toMatchObject({ text: null, signer: null, dateLine: null });
    // A name holding the subject is not repeated; no 案号, no 承办人: nothing invented.
    const bare = renderApprovalForm('REVIEW', {
      ...REGISTERED,
      caseName: '泸州市江阳区某餐饮店未公示许可证案',
      caseNumber: null,
      handler: null,
    });
    expect(row(bare, '案件名称').text).toBe('泸州市江阳区某餐饮店未公示许可证案');
    expect(row(bare, '提请审批的理由、依据及处理意见').signerName).toBeNull();
    expect(approvalCaseTitle({ ...REGISTERED, caseNumber: null })).toBe(
      '某食品经营者未按规定公示食品经营许可证案（涉案主体：泸州市江阳区某餐饮店）',
    );
  });

  it('drafts 附件2 from the registration and the acceptance, citing 第四条、第六条、第七条、第九条、第十三条', () => {
    const draft = reason(renderApprovalForm('REVIEW', REGISTERED));
    expect(draft).toContain('2025年1月2日，我局立案调查某食品经营者未按规定公示食品经营许可证案');
    expect(draft).toContain(
      '泸州市江阳区某餐饮店于2025年1月6日向我局提出涉案主体裁量审查评估书面申请',
    );
    expect(draft).toContain('第六条第（一）项、第九条');
    expect(draft).not.toContain('拟受理');

    const accepted = reason(renderApprovalForm('REVIEW', ACCEPTED));
    expect(accepted).toContain('符合第四条规定的条件');
    expect(accepted).toContain('依据第七条、第九条、第十三条，拟受理并由我局相关业务机构');
    expect(accepted).toContain('审查评估期限15日（2025年1月10日至2025年1月25日）');
    expect(accepted).toContain('办理说明：经部门负责人审核同意。');

    const rejected = reason(
      renderApprovalForm('REVIEW', { ...REGISTERED, rejectionReason: '主观故意违法' }),
    );
    expect(rejected).toContain('经审查，主观故意违法。依据第四条、第五条，拟不予受理。');

    const byUnit = reason(
      renderApprovalForm('REVIEW', { ...REGISTERED, trigger: 'ENFORCEMENT_UNIT' }),
    );
    expect(byUnit).toContain('执法机构认为有必要对泸州市江阳区某餐饮店启动');
    expect(byUnit).toContain('第六条第（二）项');
  });

  it('drafts 附件3, 6 and 8 from their steps, citing 第十三条、第十五条 item、第十六条', () => {
    const suspension = reason(renderApprovalForm('SUSPENSION', ACCEPTED));
    expect(suspension).toContain(
      '2025年1月10日，我局受理泸州市江阳区某餐饮店涉案主体裁量审查评估申请',
    );
    expect(suspension).toContain('第十三条及《市场监督管理行政处罚程序规定》第四十六条');
    expect(suspension).toContain('审查评估期限至2025年1月25日');

    const termination = reason(renderApprovalForm('TERMINATION', TERMINATED));
    expect(termination).toContain('2025年1月20日，该市场主体拒不实施或者变相不实施整改');
    expect(termination).toContain('第十五条第（二）项规定的情形');

    const result = reason(renderApprovalForm('RESULT', PASSED));
    expect(result).toContain('2025年1月10日至2025年1月24日');
    expect(result).toContain('泸州市江阳区某餐饮店通过裁量审查评估验收');
    expect(result).toContain('依据第十六条');
    expect(result).toContain('办理说明：整改报告已审阅。');
    expect(reason(renderApprovalForm('RESULT', { ...PASSED, passed: false }))).toContain(
      '未通过裁量审查评估验收',
    );
  });

  it('refuses a form the case has not reached, naming the missing field', () => {
    const refuse = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof DomainError && e.code === 'BAD_USER_INPUT') return e.field;
        throw e;
      }
      throw new Error('expected a refusal');
    };
    expect(refuse(() => renderApprovalForm('SUSPENSION', REGISTERED))).toBe('acceptedOn');
    expect(refuse(() => renderApprovalForm('TERMINATION', ACCEPTED))).toBe('terminationReason');
    expect(refuse(() => renderApprovalForm('RESULT', ACCEPTED))).toBe('passed');
    expect(refuse(() => renderApprovalForm('OTHER' as never, ACCEPTED))).toBe('kind');
  });
});

describe('附件1 申请书', () => {
  it('is a template addressed to the bureau, signed by the subject, for an application only', () => {
    const form = renderApplicationForm(REGISTERED)!;
    expect(form).toMatchObject({
      annex: '附件1',
      title: '涉案主体裁量审查评估申请书',
      addressee: '泸州市市场监督管理局',
      applicantLabel: '申请人',
      applicant: '泸州市江阳区某餐饮店',
    });
    expect(form.paragraphs[0]!.text).toMatch(/^1\.申请事项：由贵局/u);
    expect(form.paragraphs[1]).toEqual({ text: '2.事实与理由：', blankLines: 6 });
    expect(renderApplicationForm({ ...REGISTERED, trigger: 'ENFORCEMENT_UNIT' })).toBeNull();
  });
});
