import { describe, expect, it } from 'vitest';
import { lineOf, readEdited, reading } from './testing/issue.ts';

const doc = (docNo: string) => {
  const found = reading().documents.find((d) => d.docNo === docNo);
  if (!found) throw new Error(`missing ${docNo}`);
  return found;
};

describe('the masthead', () => {
  it('reads label, number, year, serial and the printing date', () => {
    expect(reading().issue).toEqual({
      label: '2024年第12期',
      number: 12,
      year: 2024,
      serial: 69,
      printedOn: '2024-12-31',
    });
  });
});

describe('the documents of 2024年第12期', () => {
  it('finds the 9 documents in the order of the issue', () => {
    expect(reading().documents.map((d) => d.docNo)).toEqual([
      '泸市府规〔2024〕4号',
      '泸市府发〔2024〕12号',
      '泸市府函〔2024〕270号',
      '泸市府办发〔2024〕46号',
      '泸市府办发〔2024〕47号',
      '泸市府室发〔2024〕34号',
      '泸市自然资规函〔2024〕425号',
      '泸市监规发〔2024〕2号',
      '泸市医保规〔2024〕4号',
    ]);
  });

  it('normalises numbers printed with [2024] to 〔2024〕 and splits prefix, year and serial', () => {
    expect(doc('泸市府规〔2024〕4号')).toMatchObject({ prefix: '泸市府规', year: 2024, serial: 4 });
    expect(doc('泸市自然资规函〔2024〕425号')).toMatchObject({
      prefix: '泸市自然资规函',
      serial: 425,
    });
  });

  it.each([
    ['泸市府规〔2024〕4号', 'MUNICIPAL_GOVERNMENT', 2],
    ['泸市府发〔2024〕12号', 'MUNICIPAL_GOVERNMENT', 5],
    ['泸市府函〔2024〕270号', 'MUNICIPAL_GOVERNMENT', 6],
    ['泸市府办发〔2024〕46号', 'GOVERNMENT_OFFICE', 18],
    ['泸市府办发〔2024〕47号', 'GOVERNMENT_OFFICE', 24],
    ['泸市府室发〔2024〕34号', 'GOVERNMENT_OFFICE', 31],
    ['泸市自然资规函〔2024〕425号', 'DEPARTMENT', 35],
    ['泸市监规发〔2024〕2号', 'DEPARTMENT', 38],
    ['泸市医保规〔2024〕4号', 'DEPARTMENT', 47],
  ])('%s is listed under %s on page %i', (docNo, category, page) => {
    expect(doc(docNo)).toMatchObject({ category, page, issueLabel: '2024年第12期' });
  });

  it('files 泸市府室发〔2024〕34号 under 市政府办公室文件 across the slogan heading at the page break', () => {
    expect(doc('泸市府室发〔2024〕34号').category).toBe('GOVERNMENT_OFFICE');
    expect(reading().repairs).toContainEqual(
      expect.objectContaining({ line: 74, code: 'CONTENTS_PAGE_HEAD' }),
    );
  });

  it.each([
    ['泸市府规〔2024〕4号', '泸州市人民政府关于进一步实施残疾儿童康复救助制度的通知'],
    ['泸市府发〔2024〕12号', '泸州市人民政府关于印发《泸州市国土空间总体规划(2021—2035年)》的通知'],
    ['泸市府函〔2024〕270号', '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知'],
    [
      '泸市府办发〔2024〕46号',
      '泸州市人民政府办公室关于印发《建设全国纺织产业人工智能创新示范基地(泸州)行动纲要(2024—2028年)》的通知',
    ],
    [
      '泸市府室发〔2024〕34号',
      '泸州市人民政府办公室关于2024年第四季度政府网站和政府系统政务新媒体检查情况的通报',
    ],
  ])('joins the title of %s across its line breaks', (docNo, title) => {
    expect(doc(docNo).title).toBe(title);
  });

  it('reads the three issuers of the joint 泸市自然资规函〔2024〕425号 in the printed order', () => {
    expect(doc('泸市自然资规函〔2024〕425号').issuers).toEqual([
      '泸州市自然资源和规划局',
      '泸州市财政局',
      '国家税务总局泸州市税务局',
    ]);
  });

  it('reads one issuer from each single signature block', () => {
    const single = reading().documents.filter((d) => d.docNo !== '泸市自然资规函〔2024〕425号');
    expect(single.map((d) => d.issuers)).toEqual([
      ['泸州市人民政府'],
      ['泸州市人民政府'],
      ['泸州市人民政府'],
      ['泸州市人民政府办公室'],
      ['泸州市人民政府办公室'],
      ['泸州市人民政府办公室'],
      ['泸州市市场监督管理局'],
      ['泸州市医疗保障局'],
    ]);
  });

  it('takes the signed date printed under each signature', () => {
    expect(reading().documents.map((d) => d.signedOn)).toEqual([
      '2024-12-04',
      '2024-12-10',
      '2024-12-17',
      '2024-12-19',
      '2024-12-19',
      '2024-12-09',
      '2024-12-10',
      '2024-12-19',
      '2024-10-29',
    ]);
  });

  it('extracts 本通知自2025年1月6日起施行,有效期五年。 and its five years', () => {
    expect(doc('泸市府规〔2024〕4号')).toMatchObject({
      validityClause: '本通知自2025年1月6日起施行,有效期五年。',
      effectiveFrom: '2025-01-06',
      expiresOn: '2030-01-05',
      isTrial: false,
    });
  });

  it('drops the list marker (五) of the land notice clause', () => {
    expect(doc('泸市自然资规函〔2024〕425号')).toMatchObject({
      validityClause: '本通知自2025年1月8日起施行,有效期5年。',
      effectiveFrom: '2025-01-08',
      expiresOn: '2030-01-07',
    });
  });

  it('finds the clause of the attached opinion (第二十二条), effective from signing, on trial by its title', () => {
    expect(doc('泸市监规发〔2024〕2号')).toMatchObject({
      validityClause: '本指导意见自印发之日起施行,有效期2年。',
      effectiveFrom: '2024-12-19',
      expiresOn: '2026-12-18',
      isTrial: true,
    });
  });

  it('reads the medical notice as a two-year trial from 2024-11-01', () => {
    expect(doc('泸市医保规〔2024〕4号')).toMatchObject({
      validityClause: '本通知自2024年11月1日起施行,试行期两年。',
      effectiveFrom: '2024-11-01',
      expiresOn: '2026-10-31',
      isTrial: true,
    });
  });

  it('gives null clauses to the notices that have none, effective from signing with no end', () => {
    for (const docNo of [
      '泸市府发〔2024〕12号',
      '泸市府函〔2024〕270号',
      '泸市府办发〔2024〕46号',
      '泸市府办发〔2024〕47号',
      '泸市府室发〔2024〕34号',
    ]) {
      const d = doc(docNo);
      expect(d, docNo).toMatchObject({
        validityClause: null,
        effectiveFrom: d.signedOn,
        expiresOn: null,
      });
    }
  });

  it('does not take the blank notice forms (泸市监中止书〔 〕1号) for documents', () => {
    expect(reading().documents.some((d) => d.docNo.startsWith('泸市监中止书'))).toBe(false);
  });
});

describe('what the reader reports instead of guessing', () => {
  it('reads the committed issue with zero problems (it can be imported as it is)', () => {
    expect(reading().problems).toEqual([]);
  });

  it('reports a document whose number is missing from the 目录, with its line', () => {
    const line = lineOf('(泸市府函〔2024〕270号)');
    const r = readEdited({ [line]: '(泸市府函〔2024〕999号) ..... (6)' });
    expect(r.documents.some((d) => d.docNo === '泸市府函〔2024〕270号')).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        line: lineOf('泸市府函[2024]270号', 200),
        code: 'DOC_NOT_IN_CONTENTS',
      }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ line, code: 'DOC_BODY_MISSING' }));
  });

  it('reports a missing signed date and leaves the document out', () => {
    const r = readEdited({ [lineOf('2024年12月17日')]: '二〇二四年十二月十七日' });
    expect(r.documents.some((d) => d.docNo === '泸市府函〔2024〕270号')).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'SIGNED_DATE_MISSING' }));
  });

  it('reports a signature that disagrees with the title', () => {
    const r = readEdited({ [lineOf('泸州市财政局', 780)]: '泸州市审计局' });
    const land = r.documents.find((d) => d.docNo === '泸市自然资规函〔2024〕425号')!;
    expect(land.issuers).toEqual([
      '泸州市自然资源和规划局',
      '泸州市审计局',
      '国家税务总局泸州市税务局',
    ]);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 790, code: 'ISSUERS_MISMATCH' }),
    );
  });

  it('reports a document with two validity clauses and records neither', () => {
    const r = readEdited({
      [lineOf('(四)各区县可参照执行。')]: '(四)本通知自2025年2月1日起施行。',
    });
    const land = r.documents.find((d) => d.docNo === '泸市自然资规函〔2024〕425号')!;
    expect(land.validityClause).toBeNull();
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'VALIDITY_AMBIGUOUS' }));
  });

  it('reports a body heading that disagrees with the 目录 and keeps the 目录 title', () => {
    const r = readEdited({ 220: '# 泸州市人民政府 关于聘任第七届泸州仲裁委员会 组成人员的通知' });
    expect(r.documents.find((d) => d.serial === 270)!.title).toBe(
      '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知',
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 220, code: 'TITLE_MISMATCH' }),
    );
  });

  it('reports a 目录 without its masthead figures', () => {
    const r = readEdited({ 12: '', 17: '', 18: '' });
    expect(r.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['ISSUE_NUMBER_MISSING', 'ISSUE_SERIAL_MISSING']),
    );
  });
});

describe('tables the reader does not know', () => {
  it('skips the blank approval forms of 泸市监规发〔2024〕2号 and lists them for review', () => {
    const forms = reading().repairs.filter((r) => r.code === 'FORM_SKIPPED');
    expect(forms.map((f) => f.line)).toEqual([1012, 1023, 1074, 1102]);
  });

  it('reports a filled table it cannot classify', () => {
    const r = readEdited({ 228: '主任\t王琪\t副市长、市公安局局长' });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 228, code: 'UNKNOWN_TABLE' }),
    );
  });
});
