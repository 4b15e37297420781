import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  DEFAULT_ENFORCEMENT_UNIT,
  formatChineseDate,
  renderNotice,
  type NoticeData,
} from './render-notice.ts';

const CASE: NoticeData = {
  number: '',
  issuedOn: '2025-01-06',
  subjectName: '泸州某某食品有限公司',
  caseName: '泸州某某食品有限公司销售超过保质期食品案',
  trigger: 'SUBJECT_APPLICATION',
  filedOn: '2025-01-02',
  investigationFiledOn: '2024-12-20',
  reviewMode: 'INTERNAL',
  reviewUnit: '食品经营安全监督管理科',
  reviewDays: 15,
  acceptedOn: '2025-01-06',
  reviewDeadline: '2025-01-21',
};

function badField(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.field;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('formatChineseDate', () => {
  it('prints dates the way the gazette does, without leading zeros', () => {
    expect(formatChineseDate('2025-01-06')).toBe('2025年1月6日');
    expect(formatChineseDate('2024-12-19')).toBe('2024年12月19日');
  });

  it('refuses an impossible date', () => {
    expect(badField(() => formatChineseDate('2025-02-29'))).toBe('date');
  });
});

describe('受理通知书 (附件5)', () => {
  const notice = renderNotice('ACCEPTANCE', { ...CASE, number: '泸市监受理书〔2025〕1号' });

  it('has the form title, number, addressee, issuer and date', () => {
    expect(notice.title).toBe('泸州市市场监督管理局涉案主体裁量审查评估受理通知书');
    expect(notice.number).toBe('泸市监受理书〔2025〕1号');
    expect(notice.addressee).toBe('泸州某某食品有限公司');
    expect(notice.issuer).toBe('泸州市市场监督管理局');
    expect(notice.date).toBe('2025年1月6日');
    expect(notice.footnote).toBe('该文书一式三份，一份送达申请人，一份送达执法机构，一份存档。');
  });

  it('fills the form sentence from the case', () => {
    expect(notice.paragraphs[0]).toBe(
      '2024年12月20日，我局立案对泸州某某食品有限公司销售超过保质期食品案，' +
        '你于2025年1月2日向我局提出涉案主体裁量审查评估工作申请。' +
        '经本局审查后认为符合《泸州市市场监管局行政处罚改正违法行为裁量审查评估指导意见》第四条规定的情形，' +
        '决定受理你的申请，由食品经营安全监督管理科对你的改正违法行为进行审查评估，' +
        '合规审查期限暂定为15日（至2025年1月21日）。',
    );
    expect(notice.paragraphs.slice(1)).toEqual([
      '裁量审查评估期限内中止案件调查，你公司应当积极配合我局裁量审查整改，裁量审查评估结果将作为我局案件处理的参考。',
      '特此通知。',
    ]);
  });

  it('adds the form’s 一案 to a case name without 案 and omits an unknown 立案 date', () => {
    const text = renderNotice('ACCEPTANCE', {
      ...CASE,
      number: 'n',
      caseName: '某公司虚假宣传',
      investigationFiledOn: null,
    }).paragraphs[0];
    expect(text!.startsWith('我局立案对某公司虚假宣传一案，')).toBe(true);
  });

  it.each([
    ['ENFORCEMENT_UNIT', '我局执法机构认为有必要对你启动'],
    ['OVERSIGHT_RECOMMENDATION', '我局收到“三书一函”'],
    ['SUPERIOR_RECOMMENDATION', '上级部门建议我局对你启动'],
  ] as const)('words a %s start without an application', (trigger, phrase) => {
    const text = renderNotice('ACCEPTANCE', { ...CASE, number: 'n', trigger }).paragraphs[0]!;
    expect(text).toContain(phrase);
    expect(text).not.toContain('受理你的申请');
  });

  it('names a third-party reviewer by default when none is given (第七条(二))', () => {
    const text = renderNotice('ACCEPTANCE', {
      ...CASE,
      number: 'n',
      reviewMode: 'THIRD_PARTY',
      reviewUnit: null,
    }).paragraphs[0];
    expect(text).toContain('由第三方组织对你的改正违法行为进行审查评估');
  });

  it.each(['reviewDays', 'reviewDeadline'] as const)('needs %s', (field) => {
    expect(
      badField(() => renderNotice('ACCEPTANCE', { ...CASE, number: 'n', [field]: null })),
    ).toBe(field);
  });
});

describe('中止调查通知书 (附件4)', () => {
  const notice = renderNotice('SUSPENSION', {
    ...CASE,
    number: '泸市监中止书〔2025〕1号',
    contact: { name: '张某', phone: '0830-1234567' },
  });

  it('prints the form title without 评估, as the gazette does', () => {
    expect(notice.title).toBe('泸州市市场监督管理局涉案主体裁量审查中止调查通知书');
    expect(notice.addressee).toBe('泸州某某食品有限公司');
  });

  it('cites 第四十六条, the deadline, the appeal rights and the contact', () => {
    expect(notice.paragraphs).toEqual([
      '经审查，你提出的涉案主体裁量审查申请符合本规定要求，执法机构依据《市场监督管理行政处罚程序规定》第四十六条之规定对你单位涉嫌的违法行为采取中止调查，待裁量审查评估考察期限（2025年1月21日届满）结束，立即恢复案件调查。',
      '如对本通知书决定不服，可以自收到本通知书之日起六十日内向泸州市人民政府申请行政复议；也可以在六个月内依法向有管辖权的人民法院提起行政诉讼。',
      '联系人：张某 联系电话：0830-1234567',
    ]);
    expect(notice.footnote).toBe('该文书一式两份，一份送达申请人，一份留存执法机构。');
  });
});

describe('终止考察通知书 (附件7)', () => {
  const notice = renderNotice('TERMINATION', {
    ...CASE,
    number: '泸市监终止书〔2025〕1号',
    issuedOn: '2025-01-15',
    terminationReason: 'REFUSED_RECTIFICATION',
  });

  it('is addressed to the enforcement unit and names the subject in the body', () => {
    expect(notice.title).toBe('泸州市市场监督管理局涉案主体裁量审查评估终止考察通知书');
    expect(notice.addressee).toBe(DEFAULT_ENFORCEMENT_UNIT);
    expect(notice.subjectName).toBe('泸州某某食品有限公司');
    expect(notice.footnote).toBeNull();
  });

  it('names the item of 第十五条 that applied', () => {
    expect(notice.paragraphs).toEqual([
      '2025年1月6日，我局受理了泸州某某食品有限公司裁量审查评估申请，由食品经营安全监督管理科对该市场主体的违法行为整改内容进行审查评估，在裁量审查评估考察期内，因该市场主体拒不实施或者变相不实施整改，违反了《泸州市市场监管局行政处罚改正违法行为裁量审查评估指导意见》第十五条第（二）项之规定，我局决定对泸州某某食品有限公司申请的裁量审查评估终止考察。',
      '特此通知。',
    ]);
  });

  it('uses a given enforcement unit and needs the termination reason', () => {
    const data = {
      ...CASE,
      number: 'n',
      terminationReason: 'OTHER' as const,
      enforcementUnit: '江阳区市场监管局',
    };
    expect(renderNotice('TERMINATION', data).addressee).toBe('江阳区市场监管局');
    expect(badField(() => renderNotice('TERMINATION', { ...data, terminationReason: null }))).toBe(
      'terminationReason',
    );
  });
});

describe('结果通知书 (附件9)', () => {
  const base = { ...CASE, number: '泸市监审结书〔2025〕1号', issuedOn: '2025-01-21' };

  it('states the review period and that the subject passed', () => {
    const notice = renderNotice('RESULT', { ...base, passed: true });
    expect(notice.title).toBe('泸州市市场监督管理局涉案主体裁量审查评估结果通知书');
    expect(notice.addressee).toBe(DEFAULT_ENFORCEMENT_UNIT);
    expect(notice.paragraphs).toEqual([
      '2025年1月6日—1月21日，我局对泸州某某食品有限公司的违法行为整改内容进行了审查评估，经审查泸州某某食品有限公司通过裁量审查评估验收。',
    ]);
  });

  it('states a failure, and prints the end year when the period crosses a year', () => {
    const notice = renderNotice('RESULT', {
      ...base,
      acceptedOn: '2025-12-31',
      issuedOn: '2026-02-28',
      passed: false,
    });
    expect(notice.paragraphs[0]).toContain('2025年12月31日—2026年2月28日');
    expect(notice.paragraphs[0]).toContain('未通过裁量审查评估验收');
  });

  it('needs passed', () => {
    expect(badField(() => renderNotice('RESULT', { ...base, passed: null }))).toBe('passed');
  });
});

it('refuses to render without the subject name', () => {
  expect(
    badField(() => renderNotice('ACCEPTANCE', { ...CASE, number: 'n', subjectName: '' })),
  ).toBe('subjectName');
});

it('names issuedOn when the issue date is not a date', () => {
  expect(
    badField(() =>
      renderNotice('RESULT', { ...CASE, number: 'n', passed: true, issuedOn: '2025-1-6' }),
    ),
  ).toBe('issuedOn');
});
