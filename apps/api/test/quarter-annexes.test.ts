// A new quarter entered from the dashboard: its 通报's headline figures, its annexes imported as
// CSV or XLSX with the headers the gazette prints (all or nothing, behind the round's version),
// exported back the same way, and a single new-media finding set back to "unknown".
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

const FIGURES = {
  quarter: '2025Q1',
  windowStart: '2025-01-01',
  windowEnd: '2025-03-01',
  cityPortalsChecked: 1,
  districtPortalsChecked: 7,
  departmentSitesChecked: 37,
  newMediaAccountsChecked: 205,
  newMediaDistricts: 7,
  newMediaParks: 6,
  newMediaDepartments: 30,
  messagesReceived: 4,
  messagesClosed: 4,
  messagesOverdue: 1,
};
const ROUND_FIELDS = `quarter windowStart windowEnd cityPortalsChecked districtPortalsChecked departmentSitesChecked newMediaAccountsChecked
  newMediaDistricts newMediaParks newMediaDepartments messagesReceived messagesClosed messagesOverdue`;
const CREATE = `mutation($input: InspectionRoundInput!) { createInspectionRound(input: $input) { id version ${ROUND_FIELDS} policy { docNo } } }`;
const IMPORT = `mutation($q: String!, $v: Int!, $a: InspectionAnnexFilesInput!) { importInspectionAnnexes(quarter: $q, version: $v, annexes: $a) { version } }`;
const EXPORT = `query($q: String!, $a: InspectionAnnex!, $f: AnnexFileFormat!) { inspectionAnnexFile(quarter: $q, annex: $a, format: $f) { annex format fileName mimeType content } }`;

/** Every record of a quarter's four annexes, in order (ids and versions left out), and the round's version. */
async function records(quarter = '2025Q1') {
  const db = api.db.prisma;
  const round = await db.inspectionRound.findUniqueOrThrow({ where: { quarter } });
  const where = { roundId: round.id };
  const organization = { select: { name: true } };
  return {
    version: round.version,
    annexes: {
      websites: await db.websiteFinding.findMany({
        where,
        orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }],
        select: {
          siteSeq: true,
          siteName: true,
          position: true,
          description: true,
          rectified: true,
          organization,
        },
      }),
      newMedia: await db.newMediaFinding.findMany({
        where,
        orderBy: { seq: 'asc' },
        select: {
          seq: true,
          account: true,
          platform: true,
          description: true,
          rectified: true,
          organization,
        },
      }),
      dataGaps: await db.dataCollectionGap.findMany({
        where,
        orderBy: [{ kind: 'asc' }, { position: 'asc' }],
        select: { kind: true, dataYear: true, position: true, organization },
      }),
      adoptions: await db.informationAdoption.findMany({
        where,
        orderBy: [{ rating: 'asc' }, { position: 'asc' }],
        select: { rating: true, position: true, organization },
      }),
    },
  };
}

// 附件1 and 附件2 of a 2025Q1 通报, as printed (a cell with two problems, one a line). 附件2 has
// the optional 是否整改完成 column, filled for one account only; 所属单位 and 所属区县或部门 use the
// alias 市经信委, which the database does not know until an administrator adds it.
const WEBSITES_CSV = [
  '序号,检查网站,存在问题,是否整改完成,所属单位',
  '1,泸州市民政局网站,"《部门信箱》要素不齐',
  '《重大民生栏目》超期未更新",整改完成,',
  '2,泸州经信门户,《政策文件》超期未更新,未整改,市经信委',
  '3,泸州市审计局网站,《部门信箱》超期未回复,已整改,',
].join('\r\n');
const NEW_MEDIA_CSV = [
  '序号,新媒体名称,所属区县或部门,类型,存在的突出问题,是否整改完成',
  '1,法治泸县,泸县,微信,严重表述错误,',
  '2,泸州经信,市经信委,微信,严重表述错误,整改完成',
  '3,平安合江,合江县,微博,严重表述错误,',
].join('\n');

async function xlsxBase64(sheet: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a new quarter', () => {
  it('is created with every headline figure its 通报 prints, and the 通报 itself', async () => {
    const policy = (await api.gql(`{ policy(docNo: "泸市府室发〔2024〕34号") { id } }`)).data!
      .policy;
    const r = await api.gql(
      CREATE,
      { input: { ...FIGURES, policyId: policy.id } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const { id: _id, version, policy: p, ...figures } = r.data!.createInspectionRound;
    expect(figures).toEqual(FIGURES);
    expect(version).toBe(1);
    expect(p).toEqual({ docNo: '泸市府室发〔2024〕34号' });
  });

  it.each([
    ['a negative count', { districtPortalsChecked: -1 }, 'input.districtPortalsChecked'],
    ['a negative body count', { newMediaParks: -2 }, 'input.newMediaParks'],
    ['more messages closed than received', { messagesClosed: 5 }, 'input.messagesClosed'],
    ['more messages overdue than received', { messagesOverdue: 5 }, 'input.messagesOverdue'],
    ['a window ending before it starts', { windowEnd: '2024-12-31' }, 'input.windowEnd'],
    [
      'a 通报 that does not exist',
      { policyId: 'UG9saWN5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==' },
      'input.policyId',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_what, change, field) => {
      const r = await api.gql(
        CREATE,
        { input: { ...FIGURES, quarter: '2025Q2', ...change } },
        { token: admin },
      );
      expect(r.codes).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
      expect(await api.db.prisma.inspectionRound.count({ where: { quarter: '2025Q2' } })).toBe(0);
    },
  );

  it('keeps those rules on update, naming the field the patch sent', async () => {
    const round = (await api.gql(`{ inspectionRound(quarter: "2025Q1") { id version } }`)).data!
      .inspectionRound;
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: InspectionRoundPatch!) { updateInspectionRound(id: $id, version: $v, input: $input) { version messagesReceived windowEnd policy { docNo } } }`;
    for (const [input, field] of [
      [{ messagesReceived: 3 }, 'input.messagesReceived'],
      [{ messagesClosed: 9 }, 'input.messagesClosed'],
      [{ windowEnd: '2024-12-01' }, 'input.windowEnd'],
      [{ windowStart: '2025-03-02' }, 'input.windowStart'],
      [{ newMediaDepartments: -1 }, 'input.newMediaDepartments'],
    ] as const) {
      const r = await api.gql(UPDATE, { id: round.id, v: round.version, input }, { token: admin });
      expect(r.codes, JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
    const ok = await api.gql(
      UPDATE,
      { id: round.id, v: round.version, input: { messagesReceived: 5, windowEnd: '2025-03-01' } },
      { token: admin },
    );
    expect(ok.data?.updateInspectionRound).toEqual({
      version: round.version + 1,
      messagesReceived: 5,
      windowEnd: '2025-03-01',
      policy: { docNo: '泸市府室发〔2024〕34号' },
    });
    const detached = await api.gql(
      UPDATE,
      { id: round.id, v: round.version + 1, input: { policyId: null } },
      { token: admin },
    );
    expect(detached.data?.updateInspectionRound.policy).toBeNull();
  });
});

describe('importing the annexes', () => {
  it('refuses a body name the database does not know, naming file, line, column and cell, and writes nothing', async () => {
    const before = await records();
    const r = await api.gql(
      IMPORT,
      {
        q: '2025Q1',
        v: before.version,
        a: {
          website: { format: 'CSV', content: WEBSITES_CSV },
          newMedia: { format: 'CSV', content: NEW_MEDIA_CSV },
        },
      },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('annexes.website');
    expect(r.errors?.[0]?.extensions?.rows).toEqual([
      expect.objectContaining({
        annex: 'WEBSITE',
        file: '附件1',
        line: 4,
        column: '所属单位',
        cell: 'E4',
        message: expect.stringContaining('市经信委'),
      }),
      expect.objectContaining({
        annex: 'NEW_MEDIA',
        file: '附件2',
        line: 3,
        column: '所属区县或部门',
        cell: 'C3',
        message: expect.stringContaining('市经信委'),
      }),
    ]);
    expect(await records()).toEqual(before);
  });

  it('accepts an alias as soon as an administrator adds it, and imports 附件1 and 附件2 as printed (CSV)', async () => {
    const org = (await api.gql(`{ organization(name: "泸州市经济和信息化局") { id } }`)).data!
      .organization;
    const alias = await api.gql(
      `mutation($input: OrganizationAliasInput!) { createOrganizationAlias(input: $input) { alias } }`,
      { input: { organizationId: org.id, alias: '市经信委' } },
      { token: admin },
    );
    expect(alias.errors).toBeUndefined();
    const before = await records();
    const r = await api.gql(
      IMPORT,
      {
        q: '2025Q1',
        v: before.version,
        a: {
          website: { format: 'CSV', content: WEBSITES_CSV },
          newMedia: { format: 'CSV', content: NEW_MEDIA_CSV },
        },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.importInspectionAnnexes.version).toBe(before.version + 1);
    const after = await records();
    expect(after.annexes.websites).toEqual([
      {
        siteSeq: 1,
        siteName: '泸州市民政局网站',
        position: 0,
        description: '《部门信箱》要素不齐',
        rectified: true,
        organization: { name: '泸州市民政局' },
      },
      {
        siteSeq: 1,
        siteName: '泸州市民政局网站',
        position: 1,
        description: '《重大民生栏目》超期未更新',
        rectified: true,
        organization: { name: '泸州市民政局' },
      },
      {
        siteSeq: 2,
        siteName: '泸州经信门户',
        position: 0,
        description: '《政策文件》超期未更新',
        rectified: false,
        organization: { name: '泸州市经济和信息化局' },
      },
      {
        siteSeq: 3,
        siteName: '泸州市审计局网站',
        position: 0,
        description: '《部门信箱》超期未回复',
        rectified: true,
        organization: { name: '泸州市审计局' },
      },
    ]);
    // Unknown stays unknown: the API answers null, not false.
    const media = await api.gql(
      `{ inspectionRound(quarter: "2025Q1") { newMediaFindings(first: 10) { edges { node { account rectified organization { name } } } } } }`,
    );
    expect(
      media.data!.inspectionRound.newMediaFindings.edges.map(
        ({
          node: f,
        }: {
          node: { account: string; rectified: boolean | null; organization: { name: string } };
        }) => [f.account, f.rectified, f.organization.name],
      ),
    ).toEqual([
      ['法治泸县', null, '泸县人民政府'],
      ['泸州经信', true, '泸州市经济和信息化局'],
      ['平安合江', null, '合江县人民政府'],
    ]);
    const progress = await api.gql(
      `{ inspectionRound(quarter: "2025Q1") { rectificationProgress { websiteTotal websiteRectified newMediaTotal newMediaRectified } } }`,
    );
    expect(progress.data?.inspectionRound.rectificationProgress).toEqual({
      websiteTotal: 4,
      websiteRectified: 3,
      newMediaTotal: 3,
      newMediaRectified: 1,
    });
    const audit = await api.db.prisma.auditEntry.findFirst({
      where: { action: 'inspectionRound.importAnnexes' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.after).toMatchObject({
      formats: { WEBSITE: 'CSV', NEW_MEDIA: 'CSV' },
      websiteFindings: 4,
      newMediaFindings: 3,
      dataGaps: null,
      adoptions: null,
    });
  });

  it('imports 附件1 and 附件2 as XLSX (base64), 附件3 in its printed form and 信息采用情况, replacing only those', async () => {
    const before = await records();
    const website = await xlsxBase64('附件1', [
      ['附件1'],
      ['2025年第一季度全市政府网站检查情况'],
      ['序号', '检查网站', '存在问题', '是否整改完成', '所属单位'],
      [1, '泸州市民政局网站', '《部门信箱》要素不齐\n《重大民生栏目》超期未更新', '整改完成', null],
      [2, '泸州经信门户', '《政策文件》超期未更新', '未整改', '市经信委'],
    ]);
    const newMedia = await xlsxBase64('附件2', [
      ['序号', '新媒体名称', '所属区县或部门', '类型', '存在的突出问题'],
      [1, '法治泸县', '泸县', '微信', '严重表述错误'],
      [2, '泸州经信', '市经信委', '微信', '严重表述错误'],
      ['说明:检测时间为2025年1月1日至3月1日。'],
    ]);
    const dataCollection = [
      '未更新2024 年基础数据的 部门,市经信委、市统计局',
      '未更新2025年过程数据的部门,"市 水务局、市统计局"',
    ].join('\n');
    const adoption = ['评价,单位', '较好,古蔺县', '较好,市自然资源和规划局', '为0,长开区'].join(
      '\n',
    );
    const r = await api.gql(
      IMPORT,
      {
        q: '2025Q1',
        v: before.version,
        a: {
          website: { format: 'XLSX', content: website, fileName: '2025Q1-附件1.xlsx' },
          newMedia: {
            format: 'XLSX',
            content: `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${newMedia}`,
          },
          dataCollection: { format: 'CSV', content: dataCollection },
          adoption: { format: 'CSV', content: adoption },
        },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const after = await records();
    expect(
      after.annexes.websites.map((f: { siteSeq: number; position: number }) => [
        f.siteSeq,
        f.position,
      ]),
    ).toEqual([
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
    // No 是否整改完成 column: every account unknown, including the one the CSV said was rectified.
    expect(after.annexes.newMedia.map((f: { rectified: boolean | null }) => f.rectified)).toEqual([
      null,
      null,
    ]);
    expect(after.annexes.dataGaps).toEqual([
      { kind: 'BASE', dataYear: 2024, position: 0, organization: { name: '泸州市经济和信息化局' } },
      { kind: 'BASE', dataYear: 2024, position: 1, organization: { name: '泸州市统计局' } },
      { kind: 'PROCESS', dataYear: 2025, position: 0, organization: { name: '泸州市水务局' } },
      { kind: 'PROCESS', dataYear: 2025, position: 1, organization: { name: '泸州市统计局' } },
    ]);
    expect(
      after.annexes.adoptions.map((a: { rating: string; organization: { name: string } }) => [
        a.rating,
        a.organization.name,
      ]),
    ).toEqual([
      ['GOOD', '古蔺县人民政府'],
      ['GOOD', '泸州市自然资源和规划局'],
      ['ZERO', '中国·四川泸州长江经济开发区'],
    ]);
    const summary = await api.gql(
      `{ complianceSummary(quarter: "2025Q1") { baseDataMissing { name } processDataMissing { name } } }`,
    );
    expect(summary.data?.complianceSummary.baseDataMissing).toEqual([
      { name: '泸州市经济和信息化局' },
      { name: '泸州市统计局' },
    ]);
    // 2024Q4 is untouched.
    expect((await records('2024Q4')).annexes.websites).toHaveLength(15);
  });

  it('takes a GraphQL multipart upload (an XLSX file) the same way', async () => {
    const before = await records();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['评价', '单位']);
    ws.addRow(['较好', '泸县']);
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: IMPORT,
        variables: {
          q: '2025Q1',
          v: before.version,
          a: { adoption: { format: 'XLSX', file: null } },
        },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.a.adoption.file'] }));
    form.set(
      '0',
      new File([await wb.xlsx.writeBuffer()], '信息采用情况.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const res = await api.post(form, {
      authorization: `Bearer ${admin}`,
      'x-graphql-yoga-csrf': '1',
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect((await records()).annexes.adoptions).toEqual([
      { rating: 'GOOD', position: 0, organization: { name: '泸县人民政府' } },
    ]);
    // Without the CSRF header a browser form could post it: refused.
    const forged = await api.post(form, { authorization: `Bearer ${admin}` });
    expect(forged.status).toBe(403);
  });

  it('writes nothing when any row of any file is bad, and lists every bad row', async () => {
    const before = await records();
    const badWebsites = WEBSITES_CSV.replace('未整改,市经信委', '整改中,市经信委');
    const badAdoption = await xlsxBase64('信息采用情况', [
      ['评价', '单位'],
      ['较好', '泸县'],
      ['一般', '合江县'],
    ]);
    const r = await api.gql(
      IMPORT,
      {
        q: '2025Q1',
        v: before.version,
        a: {
          website: { format: 'CSV', content: badWebsites },
          newMedia: { format: 'CSV', content: NEW_MEDIA_CSV },
          adoption: { format: 'XLSX', content: badAdoption, fileName: 'adoption.xlsx' },
        },
      },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.message).toBe(
      '附件有 2 处错误(附件1第4行、信息采用情况第3行),未写入任何数据',
    );
    expect(r.errors?.[0]?.extensions?.rows).toEqual([
      {
        annex: 'WEBSITE',
        file: '附件1',
        fileName: null,
        sheet: null,
        line: 4,
        column: '是否整改完成',
        cell: 'D4',
        message: expect.stringContaining('整改中'),
      },
      {
        annex: 'ADOPTION',
        file: '信息采用情况',
        fileName: 'adoption.xlsx',
        sheet: '信息采用情况',
        line: 3,
        column: '评价',
        cell: 'A3',
        message: expect.stringContaining('较好 或 为0'),
      },
    ]);
    expect(await records()).toEqual(before);
  });

  it('says which file cannot be read at all', async () => {
    const before = await records();
    const r = await api.gql(
      IMPORT,
      {
        q: '2025Q1',
        v: before.version,
        a: {
          website: { format: 'XLSX', content: Buffer.from('序号,检查网站').toString('base64') },
          newMedia: { format: 'CSV' },
        },
      },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.rows).toEqual([
      expect.objectContaining({
        file: '附件1',
        line: null,
        message: expect.stringContaining('不是 XLSX 文件'),
      }),
      expect.objectContaining({
        file: '附件2',
        line: null,
        message: 'content 与 file 须且只能提供一个',
      }),
    ]);
    expect(await records()).toEqual(before);
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const before = await records();
    const r = await api.gql(
      IMPORT,
      {
        q: '2025Q1',
        v: before.version - 1,
        a: { website: { format: 'CSV', content: WEBSITES_CSV } },
      },
      { token: admin },
    );
    expect(r.codes).toEqual(['CONFLICT']);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      currentVersion: before.version,
      yourVersion: before.version - 1,
    });
    expect(await records()).toEqual(before);
  });

  it('keeps importInspectionAnnexesCsv working, with the English or the printed headers', async () => {
    const before = await records();
    const r = await api.gql(
      `mutation($v: Int!, $w: String, $n: String) { importInspectionAnnexesCsv(quarter: "2025Q1", version: $v, websiteCsv: $w, newMediaCsv: $n) { version } }`,
      {
        v: before.version,
        w: WEBSITES_CSV,
        n: 'seq,account,owner,platform,description\n1,法治泸县,泸县,微信,严重表述错误\n',
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const after = await records();
    expect(after.annexes.websites).toHaveLength(4);
    expect(after.annexes.newMedia).toHaveLength(1);
    expect(after.annexes.adoptions).toEqual(before.annexes.adoptions);
  });
});

describe('exporting the annexes', () => {
  it('prints the Chinese headers (CSV with a BOM, XLSX with one sheet named after the annex), neutralising formulas', async () => {
    const finding = await api.db.prisma.websiteFinding.findFirstOrThrow({
      where: { round: { quarter: '2025Q1' }, siteSeq: 3 },
    });
    await api.db.prisma.websiteFinding.update({
      where: { id: finding.id },
      data: { description: '=HYPERLINK("http://x","点我")' },
    });
    const csv = (await api.gql(EXPORT, { q: '2025Q1', a: 'WEBSITE', f: 'CSV' })).data!
      .inspectionAnnexFile;
    expect(csv).toMatchObject({
      annex: 'WEBSITE',
      format: 'CSV',
      fileName: '2025Q1-附件1.csv',
      mimeType: 'text/csv; charset=utf-8',
    });
    expect(csv.content.startsWith('\uFEFF序号,检查网站,存在问题,是否整改完成,所属单位\r\n')).toBe(
      true,
    );
    expect(csv.content).toContain(
      '1,泸州市民政局网站,"《部门信箱》要素不齐\n《重大民生栏目》超期未更新",整改完成,泸州市民政局\r\n',
    );
    expect(csv.content).toContain(
      `3,泸州市审计局网站,"'=HYPERLINK(""http://x"",""点我"")",整改完成,泸州市审计局`,
    );
    const xlsx = (await api.gql(EXPORT, { q: '2025Q1', a: 'NEW_MEDIA', f: 'XLSX' })).data!
      .inspectionAnnexFile;
    expect(xlsx.fileName).toBe('2025Q1-附件2.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['附件2']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '序号',
      '新媒体名称',
      '所属区县或部门',
      '类型',
      '存在的突出问题',
      '是否整改完成',
    ]);
  });

  it.each(['CSV', 'XLSX'] as const)(
    'round-trips every annex as %s: export, import, the same records',
    async (format) => {
      const before = await records();
      const files: Record<string, { format: string; content: string }> = {};
      for (const [annex, key] of [
        ['WEBSITE', 'website'],
        ['NEW_MEDIA', 'newMedia'],
        ['DATA_COLLECTION', 'dataCollection'],
        ['ADOPTION', 'adoption'],
      ] as const) {
        const r = await api.gql(EXPORT, { q: '2025Q1', a: annex, f: format });
        expect(r.errors).toBeUndefined();
        files[key] = { format, content: r.data!.inspectionAnnexFile.content };
      }
      const r = await api.gql(
        IMPORT,
        { q: '2025Q1', v: before.version, a: files },
        { token: admin },
      );
      expect(r.errors).toBeUndefined();
      const after = await records();
      expect(after.version).toBe(before.version + 1);
      expect(after.annexes).toEqual(before.annexes);
      expect(after.annexes.websites.find((f) => f.siteSeq === 3)?.description).toBe(
        '=HYPERLINK("http://x","点我")',
      );
    },
  );

  it('round-trips 2024Q4 as the gazette import wrote it (附件2 unknown rectification included)', async () => {
    const before = await records('2024Q4');
    const files: Record<string, { format: string; content: string }> = {};
    for (const [annex, key] of [
      ['WEBSITE', 'website'],
      ['NEW_MEDIA', 'newMedia'],
      ['DATA_COLLECTION', 'dataCollection'],
      ['ADOPTION', 'adoption'],
    ] as const) {
      files[key] = {
        format: 'XLSX',
        content: (await api.gql(EXPORT, { q: '2024Q4', a: annex, f: 'XLSX' })).data!
          .inspectionAnnexFile.content,
      };
    }
    const r = await api.gql(IMPORT, { q: '2024Q4', v: before.version, a: files }, { token: admin });
    expect(r.errors).toBeUndefined();
    expect((await records('2024Q4')).annexes).toEqual(before.annexes);
    expect(
      before.annexes.newMedia.every((f: { rectified: boolean | null }) => f.rectified === null),
    ).toBe(true);
  });
});

describe('a single new-media finding', () => {
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: FindingPatch!) { updateNewMediaFinding(id: $id, version: $v, input: $input) { rectified rectifiedOn version } }`;
  async function finding() {
    const r = await api.gql(
      `{ inspectionRound(quarter: "2024Q4") { newMediaFindings(first: 1) { edges { node { id version rectified rectifiedOn } } } } }`,
    );
    return r.data!.inspectionRound.newMediaFindings.edges[0].node;
  }

  it('is unknown (null) as the gazette prints it, set to true or false, and back to unknown — by a supervisor too', async () => {
    const sup = await api.tokenFor('SUPERVISOR');
    let f = await finding();
    expect(f.rectified).toBeNull();
    const done = await api.gql(
      UPDATE,
      { id: f.id, v: f.version, input: { rectified: true, rectifiedOn: '2025-01-10' } },
      { token: sup },
    );
    expect(done.data?.updateNewMediaFinding).toEqual({
      rectified: true,
      rectifiedOn: '2025-01-10',
      version: f.version + 1,
    });
    f = await finding();
    const notDone = await api.gql(
      UPDATE,
      { id: f.id, v: f.version, input: { rectified: false } },
      { token: sup },
    );
    expect(notDone.data?.updateNewMediaFinding).toEqual({
      rectified: false,
      rectifiedOn: null,
      version: f.version + 1,
    });
    f = await finding();
    const unknown = await api.gql(
      UPDATE,
      { id: f.id, v: f.version, input: { rectified: null } },
      { token: sup },
    );
    expect(unknown.data?.updateNewMediaFinding).toEqual({
      rectified: null,
      rectifiedOn: null,
      version: f.version + 1,
    });
    expect((await finding()).rectified).toBeNull();
    // Omitting rectified leaves it as it is.
    f = await finding();
    const untouched = await api.gql(
      `mutation($id: ID!, $v: Int!) { updateNewMediaFinding(id: $id, version: $v, input: { description: "严重表述错误(已核实)" }) { rectified description } }`,
      { id: f.id, v: f.version },
      { token: admin },
    );
    expect(untouched.data?.updateNewMediaFinding).toEqual({
      rectified: null,
      description: '严重表述错误(已核实)',
    });
  });

  it('is created unknown when the administrator gives no status', async () => {
    const round = (await api.gql(`{ inspectionRound(quarter: "2025Q1") { id } }`)).data!
      .inspectionRound;
    const org = (await api.gql(`{ organization(name: "泸县") { id } }`)).data!.organization;
    const input = {
      roundId: round.id,
      organizationId: org.id,
      seq: 90,
      account: '泸县发布',
      platform: '抖音',
      description: '严重表述错误',
    };
    const r = await api.gql(
      `mutation($input: NewMediaFindingInput!) { createNewMediaFinding(input: $input) { rectified rectifiedOn } }`,
      { input },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createNewMediaFinding).toEqual({ rectified: null, rectifiedOn: null });
  });

  it('refuses an unknown status with a date, and an unknown status for a website finding', async () => {
    const f = await finding();
    const dated = await api.gql(
      UPDATE,
      { id: f.id, v: f.version, input: { rectified: null, rectifiedOn: '2025-01-10' } },
      { token: admin },
    );
    expect(dated.codes).toEqual(['BAD_USER_INPUT']);
    expect(dated.errors?.[0]?.extensions?.field).toBe('input.rectifiedOn');
    const site = (
      await api.gql(
        `{ inspectionRound(quarter: "2024Q4") { websiteFindings(first: 1) { edges { node { id version } } } } }`,
      )
    ).data!.inspectionRound.websiteFindings.edges[0].node;
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!) { updateWebsiteFinding(id: $id, version: $v, input: { rectified: null }) { rectified } }`,
      { id: site.id, v: site.version },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('input.rectified');
  });
});
