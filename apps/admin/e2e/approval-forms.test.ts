// The forms of a case in the browser against the real API (issue 11, #10): the case page lists
// the 申请书 (附件1) and the 审批表 the case has reached (附件2、3、6), an 审批表 prints as its
// annex (bordered rows, 案件名称 with 案号, 经办人 = 承办人, the reason citing 第十五条, blank
// dates, no app chrome on paper), and a notice prints exactly the text the API renders.
//
// This file has its own server and database (startHarness).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, SUPERVISOR, addUser, login, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
let supToken: string;
let caseId: string;

const OPEN = `mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id } } }`;
const MOVE = `mutation($id: ID!, $event: CaseEventInput!) { transitionCase(id: $id, event: $event) { case { state } } }`;

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.token(ADMIN);
  await addUser(h, admin, SUPERVISOR, 'SUPERVISOR');
  supToken = await h.token(SUPERVISOR);
  const opened = await h.gql<{ openDiscretionReview: { case: { id: string } } }>(
    OPEN,
    {
      input: {
        caseName: '某超市销售过期食品案',
        subjectName: '泸州市某超市有限公司',
        trigger: 'SUBJECT_APPLICATION',
        filedOn: '2025-03-03',
        caseFiledOn: '2025-02-26',
        caseNumber: '表单测试〔2025〕9号',
        handler: '郑某、冯某',
        department: '食品经营安全监督管理科',
        contactName: '陈某',
        contactPhone: '0830-2223333',
      },
    },
    supToken,
  );
  if (!opened.data) throw new Error(JSON.stringify(opened.errors));
  caseId = opened.data.openDiscretionReview.case.id;
  for (const event of [
    {
      type: 'ACCEPT',
      on: '2025-03-05',
      reviewMode: 'INTERNAL',
      reviewDays: 20,
      conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'],
      exclusions: [],
    },
    { type: 'TERMINATE', on: '2025-03-12', reason: 'REFUSED_RECTIFICATION' },
  ]) {
    const moved = await h.gql(MOVE, { id: caseId, event }, supToken);
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  }
});
afterAll(async () => {
  await h?.close();
});

describe('case forms', () => {
  it('lists the forms the case has reached and prints the 终止考察审批表 as its annex', async () => {
    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, SUPERVISOR);
    await page.goto(`${h.baseUrl}/#/cases/${encodeURIComponent(caseId)}/show`);
    const card = page.getByTestId('case-forms');
    await card.getByTestId('print-form-TERMINATION').waitFor({ timeout: 15_000 });
    const listed = (await card.textContent()) ?? '';
    for (const name of [
      '附件1',
      '附件2 审查评估审批表',
      '附件3 中止调查审批表',
      '附件6 终止考察审批表',
    ])
      expect(listed).toContain(name);
    // No result yet: 附件8 is not offered.
    expect(await card.getByTestId('print-form-RESULT').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await shot(page, '57-case-forms');

    await card.getByTestId('print-form-TERMINATION').click();
    const sheet = page.getByTestId('form-page');
    await sheet.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('form-title').textContent()).toBe(
      '泸州市市场监督管理局涉案主体裁量审查评估终止考察审批表',
    );
    const rows = page.getByTestId('form-row');
    expect(await rows.locator('th').allTextContents()).toEqual([
      '案件名称',
      '审批事项',
      '提请审批的理由、依据及处理意见',
      '业务机构负责人意见',
      '部门负责人意见',
      '备注',
    ]);
    const cells = await rows.locator('td').allTextContents();
    expect(cells[0]).toBe(
      '某超市销售过期食品案（涉案主体：泸州市某超市有限公司；案号：表单测试〔2025〕9号）',
    );
    expect(cells[1]).toBe('涉案主体裁量审查评估终止考察');
    expect(cells[2]).toContain('2025年3月12日，该市场主体拒不实施或者变相不实施整改');
    expect(cells[2]).toContain('第十五条第（二）项');
    expect(cells[2]).toMatch(/经办人：郑某、冯某\s*年\s+月\s+日$/u);
    expect(cells[3]).toMatch(/^业务机构负责人：\s+年\s+月\s+日$/u);
    expect(cells[5]).toBe('');
    // Each row is bordered, as printed.
    const border = await rows
      .first()
      .locator('td')
      .evaluate((td) => getComputedStyle(td).borderTopStyle);
    expect(border).toBe('solid');

    // On paper: the A4 sheet only — no print button, no app bar.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('do-print').isVisible()).toBe(false);
    expect(await page.getByTestId('role-chip').count()).toBe(0);
    const width = await sheet.evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(Math.round((210 / 25.4) * 96));
    await shot(page, '58-approval-form-print', true);
    await page.emulateMedia({ media: 'screen' });

    // 附件1: the application for the subject, with its name as 申请人.
    await page.goto(`${h.baseUrl}/#/print/cases/${encodeURIComponent(caseId)}/forms/APPLICATION`);
    await page.getByTestId('form-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('form-title').textContent()).toBe('涉案主体裁量审查评估申请书');
    expect(await page.getByTestId('form-signature').textContent()).toContain(
      '申请人：泸州市某超市有限公司',
    );
    await shot(page, '59-application-form');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints a notice as the API renders it (Notice.print), not a second rendering', async () => {
    const api = await h.gql<{
      case: { notices: { kind: string; print: { title: string; paragraphs: string[] } }[] };
    }>(
      `query($id: ID!) { case(id: $id) { notices { kind print { title paragraphs } } } }`,
      { id: caseId },
      supToken,
    );
    const expected = api.data!.case.notices.find((n) => n.kind === 'SUSPENSION')!.print;

    const { page, errors, context } = await h.newPage({ width: 768, height: 1024 });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') asked.push(r.postData() ?? '');
    });
    await login(page, h.baseUrl, SUPERVISOR);
    await page.goto(`${h.baseUrl}/#/cases/${encodeURIComponent(caseId)}/show`);
    await page.getByTestId('print-SUSPENSION').click();
    await page.getByTestId('notice-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('notice-title').textContent()).toBe(expected.title);
    const body = (await page.getByTestId('notice-page').textContent()) ?? '';
    for (const p of expected.paragraphs) expect(body).toContain(p);
    expect((await page.getByTestId('notice-contacts').textContent()) ?? '').toContain(
      '联系人：陈某',
    );
    // The page asked the API for the notice's print, not only for the case's fields.
    expect(asked.some((q) => q.includes('CaseNoticePrints') && q.includes('print'))).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await shot(page, '60-notice-print-tablet', true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
