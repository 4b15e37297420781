import { describe, expect, it } from 'vitest';
import { readRepeals } from './read-repeals.ts';
import { ReadReport } from './report.ts';
import { lineOf, lineText, readEdited, reading } from './testing/issue.ts';
import { toLines } from './text.ts';

const repealsOf = (text: string) => {
  const report = new ReadReport();
  const lines = toLines(text);
  return {
    repeals: readRepeals(lines, 0, lines.length - 1, '泸市府规〔2025〕9号', report),
    report,
  };
};

describe('repeals and replacements', () => {
  it('finds none in 2024年第12期 (按本通知规定执行 does not repeal anything)', () => {
    expect(reading().documents.flatMap((d) => d.repeals)).toEqual([]);
    expect(reading().problems).toEqual([]);
  });

  it('reads …同时废止 naming a document by its number, normalised', () => {
    const { repeals, report } = repealsOf(
      '六、本通知自2025年4月1日起施行,有效期五年。\n\n《泸州市医疗保障局关于公布取卵术等医疗服务项目价格的通知》(泸市医保规[2024]4号)同时废止。',
    );
    expect(repeals).toEqual([
      {
        docNo: '泸市医保规〔2024〕4号',
        kind: 'REPEAL',
        line: 3,
        clause:
          '《泸州市医疗保障局关于公布取卵术等医疗服务项目价格的通知》(泸市医保规〔2024〕4号)同时废止。'.replace(
            '〔2024〕',
            '[2024]',
          ),
      },
    ]);
    expect(report.problems).toEqual([]);
  });

  it('reads …不再执行 and 代替…, several numbers in one clause, and the line of each number', () => {
    const { repeals } = repealsOf(
      [
        '(五)本办法代替《泸州市政务新媒体管理暂行办法》(泸市府办发〔2019〕5号)。',
        '《甲》(泸市府规〔2020〕1号)、《乙》',
        '(泸市府规〔2021〕2号)不再执行。',
      ].join('\n'),
    );
    expect(repeals.map((r) => [r.docNo, r.kind, r.line])).toEqual([
      ['泸市府办发〔2019〕5号', 'REPLACE', 1],
      ['泸市府规〔2020〕1号', 'REPEAL', 2],
      ['泸市府规〔2021〕2号', 'REPEAL', 3],
    ]);
    expect(repeals[0]!.clause).toBe(
      '本办法代替《泸州市政务新媒体管理暂行办法》(泸市府办发〔2019〕5号)。',
    );
  });

  it('does not take a document cited as the basis of the text for a repealed one', () => {
    const { repeals } = repealsOf(
      '按照《四川省医疗保障局关于印发辅助生殖类医疗服务价格项目的通知》(川医保规〔2024〕8号)规定,《泸州市甲办法》(泸市医保规〔2023〕2号)同时废止。',
    );
    expect(repeals.map((r) => r.docNo)).toEqual(['泸市医保规〔2023〕2号']);
  });

  it('reads a number printed without parentheses after the verb', () => {
    const { repeals } = repealsOf('同时废止泸市府发〔2018〕3号。');
    expect(repeals.map((r) => r.docNo)).toEqual(['泸市府发〔2018〕3号']);
  });

  it('reports a repealed document named only by its title, with its line', () => {
    const { repeals, report } = repealsOf(
      '第一条 目的。\n《泸州市政务新媒体管理暂行办法》同时废止。',
    );
    expect(repeals).toEqual([]);
    expect(report.problems).toEqual([
      expect.objectContaining({ line: 2, code: 'REPEAL_WITHOUT_NUMBER' }),
    ]);
  });

  it('notes a repeal clause that names no document at all', () => {
    const { repeals, report } = repealsOf('此前有关规定同时废止。');
    expect(repeals).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.repairs).toEqual([expect.objectContaining({ line: 1, code: 'REPEAL_UNNAMED' })]);
  });

  it('reads a repeal added to a document of the issue', () => {
    const at = lineOf('六、凡以前规定与本通知不一致的');
    const r = readEdited({
      [at]: `${lineText(at)}《泸州市医疗保障局关于公布部分医疗服务项目价格的通知》(泸市医保规〔2022〕3号)同时废止。`,
    });
    const medical = r.documents.find((d) => d.docNo === '泸市医保规〔2024〕4号')!;
    expect(medical.repeals).toEqual([
      expect.objectContaining({ docNo: '泸市医保规〔2022〕3号', kind: 'REPEAL', line: at }),
    ]);
  });
});
