// Cases in the browser against the real API (issue 11, #10): a case is registered with its 案号 and
// 承办人 (and its 业务科室 and 电话) from the form, a number another case has is refused on its field,
// the case list says 已超期 for a review past its deadline (as the API judges it) and filters by it,
// the acceptance notice prints 立案日期, 业务科室, 联系人 and 电话, and the acceptance's date is
// corrected through the audited correction path.
//
// This file has its own server and database (startHarness).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, SUPERVISOR, addUser, login, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
let supToken: string;

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.token(ADMIN);
  await addUser(h, admin, SUPERVISOR, 'SUPERVISOR');
  supToken = await h.token(SUPERVISOR);
});
afterAll(async () => {
  await h?.close();
});

const OPEN = `mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id } } }`;

describe('cases', () => {
  it('registers 案号 and 承办人 from the form and refuses a 案号 already used on its field', async () => {
    const first = await h.gql(
      OPEN,
      {
        input: {
          caseName: '已有案号的案件',
          subjectName: '某公司',
          trigger: 'SUBJECT_APPLICATION',
          filedOn: '2025-02-01',
          caseNumber: '测试案〔2025〕1号',
        },
      },
      supToken,
    );
    expect(first.errors).toBeUndefined();

    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, SUPERVISOR);
    await page.goto(`${h.baseUrl}/#/cases/create`);
    await page.locator('input[name="caseName"]').fill('浏览器登记的案件');
    await page.locator('input[name="subjectName"]').fill('某餐饮店');
    await page.locator('input[name="caseNumber"]').fill('测试案〔2025〕1号');
    await page.locator('input[name="handler"]').fill('孙某、周某');
    await page.locator('input[name="department"]').fill('价格监督检查科');
    await page.locator('input[name="contactPhone"]').fill('0830-7654321');
    await page.locator('.ra-input-trigger').getByRole('combobox').click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .locator('.ra-input-caseNumber')
      .getByText('已被其他案件使用')
      .waitFor({ timeout: 15_000 });
    await shot(page, '53-case-number-taken');

    await page.locator('input[name="caseNumber"]').fill('测试案〔2025〕2号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/cases\/[^/]+\/show/u, { timeout: 15_000 });
    await page.getByText('测试案〔2025〕2号').waitFor({ timeout: 15_000 });
    const shown = (await page.locator('body').textContent()) ?? '';
    for (const text of ['孙某、周某', '价格监督检查科', '0830-7654321'])
      expect(shown).toContain(text);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says 已超期 in the list for a review past its deadline, and filters by it', async () => {
    const opened = await h.gql<{ openDiscretionReview: { case: { id: string } } }>(
      OPEN,
      {
        input: {
          caseName: '审查已超期的案件',
          subjectName: '某超市',
          trigger: 'SUBJECT_APPLICATION',
          filedOn: '2025-01-06',
          caseFiledOn: '2025-01-02',
          department: '食品经营安全监督管理科',
          contactName: '吴某',
          contactPhone: '0830-1234567',
        },
      },
      supToken,
    );
    const id = opened.data!.openDiscretionReview.case.id;
    const accepted = await h.gql(
      `mutation($id: ID!) { transitionCase(id: $id, event: { type: ACCEPT, on: "2025-01-08", reviewMode: INTERNAL, reviewDays: 30, conditionsMet: [FACTS_CLEAR, COOPERATED, RECTIFYING, VOLUNTARY], exclusions: [] }) { case { overdue } } }`,
      { id },
      supToken,
    );
    expect(accepted.errors).toBeUndefined();

    const { page, errors, context } = await h.newPage();
    await login(page, h.baseUrl, SUPERVISOR);
    await page.goto(`${h.baseUrl}/#/cases`);
    const row = page.locator('tbody tr', { hasText: '审查已超期的案件' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('overdue-badge').waitFor();
    expect(
      await page
        .locator('tbody tr', { hasText: '浏览器登记的案件' })
        .getByTestId('overdue-badge')
        .count(),
    ).toBe(0);
    await shot(page, '54-cases-overdue');

    await page.goto(
      `${h.baseUrl}/#/cases?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`,
    );
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(1);

    // The acceptance notice carries 立案日期, 业务科室, 联系人 and 电话.
    await page.goto(`${h.baseUrl}/#/cases/${encodeURIComponent(id)}/show`);
    await page.getByTestId('print-ACCEPTANCE').click();
    const contacts = page.getByTestId('notice-contacts');
    await contacts.waitFor({ timeout: 15_000 });
    const printed = (await contacts.textContent()) ?? '';
    for (const text of [
      '立案日期：2025年1月2日',
      '业务科室：食品经营安全监督管理科',
      '联系人：吴某',
      '联系电话：0830-1234567',
    ])
      expect(printed).toContain(text);
    await shot(page, '55-notice-contacts');

    // The acceptance was recorded a day early: corrected with a reason, audited.
    await page.goto(`${h.baseUrl}/#/cases/${encodeURIComponent(id)}/show`);
    await page.getByTestId('correct-step').click();
    await page.getByTestId('correct-on').fill('2025-01-09');
    expect(await page.getByTestId('correct-submit').isDisabled()).toBe(true);
    await page.getByTestId('correct-reason').fill('受理日期录入错误');
    await page.getByTestId('correct-submit').click();
    await page.getByTestId('correct-step-dialog').waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(
        async () =>
          (
            await h.gql<{ case: { acceptedOn: string } }>(
              `query($id: ID!) { case(id: $id) { acceptedOn } }`,
              { id },
              supToken,
            )
          ).data?.case.acceptedOn,
        { timeout: 15_000 },
      )
      .toBe('2025-01-09');
    const log = await h.gql<{ auditEntriesPage: { nodes: { after: { reason?: string } }[] } }>(
      `{ auditEntriesPage(filter: { action: "case.correct" }) { nodes { after } } }`,
      {},
      await h.token(ADMIN),
    );
    expect(log.data!.auditEntriesPage.nodes.map((n) => n.after.reason)).toEqual([
      '受理日期录入错误',
    ]);
    await shot(page, '56-case-step-corrected');
    expect(errors).toEqual([]);
    await context.close();
  });
});
