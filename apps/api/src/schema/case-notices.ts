// Notices issued in a case (告知书、决定书…), each with its print as the annex form lays it out.
import { builder } from '../builder.ts';
import { noticePrint, type PrintedNotice } from '../services/notices.ts';
import { NoticeKindEnum } from './case-enums.ts';

const NoticePrint = builder.objectRef<PrintedNotice>('NoticePrint').implement({
  description: '按附件样式排版的文书(泸市监规发〔2024〕2号 附件4、5、7、9)',
  fields: (t) => ({
    title: t.exposeString('title', { description: '文书标题' }),
    number: t.exposeString('number', { description: '文书编号,如 泸市监受理书〔2025〕1号' }),
    addressee: t.exposeString('addressee', { description: '抬头(送达对象)' }),
    subjectName: t.exposeString('subjectName', { description: '涉案市场主体名称' }),
    paragraphs: t.exposeStringList('paragraphs', { description: '正文各段' }),
    issuer: t.exposeString('issuer', { description: '落款机关' }),
    date: t.exposeString('date', { description: '落款日期,按印刷格式,如 2025年1月6日' }),
    footnote: t.exposeString('footnote', { description: '附注;没有时为 null', nullable: true }),
    caseFiledOn: t.string({
      nullable: true,
      description: '立案日期,按印刷格式(如 2025年1月2日)',
      resolve: (n) => n.caseFiledOn,
    }),
    department: t.exposeString('department', { nullable: true, description: '业务科室' }),
    contactName: t.exposeString('contactName', { nullable: true, description: '联系人' }),
    contactPhone: t.exposeString('contactPhone', { nullable: true, description: '联系电话' }),
  }),
});

builder.prismaObject('Notice', {
  description: '案件的一份文书(受理、中止调查、终止考察、结果通知书)',
  authScopes: { viewer: true },
  runScopesOnType: true, // once per notice, not on each of its fields
  fields: (t) => ({
    kind: t.expose('kind', { description: '文书种类', type: NoticeKindEnum }),
    number: t.exposeString('number', { description: '文书编号,如 泸市监受理书〔2025〕1号' }),
    issuedOn: t.expose('issuedOn', { description: '出具日期', type: 'Date' }),
    year: t.exposeInt('year', { description: '编号中的年份' }),
    serial: t.exposeInt('serial', { description: '编号中的序号' }),
    print: t.field({
      description: '按附件样式排版的文书内容',
      type: NoticePrint,
      select: { kind: true, number: true, issuedOn: true, case: true },
      resolve: (notice) => noticePrint(notice as Parameters<typeof noticePrint>[0], notice.case),
    }),
  }),
});
