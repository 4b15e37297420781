// Notices issued in a case (告知书、决定书…), each with its print as the annex form lays it out.
import { builder } from '../builder.ts';
import { noticePrint, type PrintedNotice } from '../services/notices.ts';
import { NoticeKindEnum } from './case-enums.ts';

const NoticePrint = builder.objectRef<PrintedNotice>('NoticePrint').implement({
  description: 'A notice laid out as its annex form (附件4、5、7、9).',
  fields: (t) => ({
    title: t.exposeString('title'),
    number: t.exposeString('number'),
    addressee: t.exposeString('addressee'),
    subjectName: t.exposeString('subjectName'),
    paragraphs: t.exposeStringList('paragraphs'),
    issuer: t.exposeString('issuer'),
    date: t.exposeString('date', { description: 'As printed, e.g. 2025年1月6日.' }),
    footnote: t.exposeString('footnote', { nullable: true }),
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
  authScopes: { viewer: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: NoticeKindEnum }),
    number: t.exposeString('number'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    year: t.exposeInt('year'),
    serial: t.exposeInt('serial'),
    print: t.field({
      type: NoticePrint,
      select: { kind: true, number: true, issuedOn: true, case: true },
      resolve: (notice) => noticePrint(notice as Parameters<typeof noticePrint>[0], notice.case),
    }),
  }),
});
