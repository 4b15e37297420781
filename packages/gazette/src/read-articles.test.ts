import { describe, expect, it } from 'vitest';
import { readArticles } from './read-articles.ts';
import { ReadReport } from './report.ts';
import { lineOf, lineText, readEdited, reading } from './testing/issue.ts';
import { toLines } from './text.ts';

const doc = (docNo: string) => {
  const found = reading().documents.find((d) => d.docNo === docNo);
  if (!found) throw new Error(`missing ${docNo}`);
  return found;
};
const article = (docNo: string, path: string) => {
  const found = doc(docNo).articles.find((a) => a.path === path);
  if (!found) throw new Error(`${docNo} has no ${path}`);
  return found;
};

/** Articles of a small text, read as a document body. */
const articlesOf = (text: string) => {
  const report = new ReadReport();
  const lines = toLines(text);
  return { articles: readArticles(lines, 0, lines.length - 1, '测试〔2025〕1号', report), report };
};

describe('the text of each document', () => {
  it('runs from the heading to the last line of the document, markers removed', () => {
    const text = doc('泸市府规〔2024〕4号').text.split('\n');
    expect(text[0]).toBe('泸州市人民政府 关于进一步实施残疾儿童康复救助制度的通知');
    expect(text[1]).toBe('泸市府规[2024]4号');
    expect(text).toContain('一、救助对象及条件');
    expect(text).toContain('(一)对象范围。');
    expect(text.at(-1)).toBe('2024年12月4日');
    expect(doc('泸市府规〔2024〕4号').text).not.toMatch(/^#|\*\*|^\s*$/mu);
  });

  it('drops page running heads and keeps the printed lines of a sentence broken by a page', () => {
    const text = doc('泸市监规发〔2024〕2号').text;
    expect(text).not.toMatch(/^部门文件$/mu);
    expect(text).toContain('第四条 市场主体违法案件同时符\n合下列条件的,可以开展裁量审查评估工作:');
    expect(doc('泸市府办发〔2024〕46号').text).not.toMatch(/^市政府办公室文件$/mu);
  });

  it('drops list markers, bold markers and Markdown escapes', () => {
    const text = doc('泸市监规发〔2024〕2号').text;
    expect(text).toContain('\n(一)案件事实清楚,证据充分,法律适用明确;\n');
    expect(text).toContain('\n第十三条 裁量审查机构');
    expect(text).toContain('\n**市场监督管理局:\n');
  });

  it('keeps the annex table rows as printed, and leaves the colophon out of the last document', () => {
    const medical = doc('泸市医保规〔2024〕4号');
    expect(medical.text).toContain('\n序号\t编码\t项目名称');
    expect(medical.text).toContain('\t311201079\t单精子注射\t');
    expect(medical.text).not.toContain('编印单位');
    expect(medical.endLine).toBe(1197);
  });

  it('turns HTML paragraphs outside tables into lines', () => {
    const text = doc('泸市府办发〔2024〕46号').text;
    expect(text).toContain('\n☆培育新材料产业:');
    expect(text).not.toContain('<p>');
  });
});

describe('articles of documents that number them 第X条', () => {
  const articles = () => doc('泸市监规发〔2024〕2号').articles;

  it('splits 泸市监规发〔2024〕2号 into 第一条…第二十二条, in order', () => {
    expect(articles()).toHaveLength(22);
    expect(articles()[0]).toMatchObject({ number: '第一条', path: '第一条', line: 827 });
    expect(articles()[21]).toMatchObject({ number: '第二十二条', path: '第二十二条', line: 969 });
    expect(articles().map((a) => a.path)).toContain('第十三条');
  });

  it('gives 第十三条 its whole text, across the page break', () => {
    const a = article('泸市监规发〔2024〕2号', '第十三条');
    expect(a.text).toMatch(/^第十三条 裁量审查机构根据涉案主体/u);
    expect(a.text).toContain('最长不超过两个月');
    expect(a.text).toMatch(/应当立即恢复案件办理。$/u);
    expect([a.line, a.endLine]).toEqual([907, 915]);
  });

  it('finds the words search must find in the body (三书一函 in 第六条 and 第十条)', () => {
    const a = article('泸市监规发〔2024〕2号', '第六条');
    expect([a.line, a.endLine]).toEqual([858, 865]);
    expect(a.text).toContain('三书一函');
    expect(article('泸市监规发〔2024〕2号', '第十条').text).toContain('三书一函');
  });

  it('keeps (一) items inside their article and does not count references to other articles', () => {
    const a = article('泸市监规发〔2024〕2号', '第四条');
    expect(a.text).toContain('(四)自愿适用裁量审查评估机制的。');
    expect(article('泸市监规发〔2024〕2号', '第十三条').text).toContain('第四十六条规定中止调查');
    expect(articles().some((x) => x.path.includes('('))).toBe(false);
  });

  it('ends the last article before the list of annexes', () => {
    expect(article('泸市监规发〔2024〕2号', '第二十二条').text).toBe(
      '第二十二条 本指导意见自印发之日起施行,有效期2年。',
    );
  });

  it('leaves the notice before the attached opinion out of the articles', () => {
    expect(articles().some((a) => a.text.includes('印发你们'))).toBe(false);
    expect(doc('泸市监规发〔2024〕2号').text).toContain('印发你们');
  });

  it('ends an article at a chapter heading without making the chapter an article', () => {
    const { articles: read, report } = articlesOf(
      ['第一章 总则', '', '**第一条** 目的。', '', '第二章 管理', '', '**第二条**职责。'].join(
        '\n',
      ),
    );
    expect(read.map((a) => [a.path, a.text])).toEqual([
      ['第一条', '第一条 目的。'],
      ['第二条', '第二条职责。'],
    ]);
    expect(report.problems).toEqual([]);
  });
});

describe('numbered sections of other documents', () => {
  it('paths (一) items under their 一、 section', () => {
    expect(doc('泸市府规〔2024〕4号').articles.map((a) => a.path)).toEqual([
      '一',
      '一(一)',
      '一(二)',
      '二',
      '二(一)',
      '二(二)',
      '三',
      '三(一)',
      '三(二)',
      '三(三)',
      '三(四)',
      '三(五)',
      '四',
      '四(一)',
      '四(二)',
      '四(三)',
      '五',
      '六',
    ]);
  });

  it('gives 泸市府规〔2024〕4号 二(二) the standards with their 1. 2. 3. items', () => {
    const a = article('泸市府规〔2024〕4号', '二(二)');
    expect(a.number).toBe('(二)');
    expect(a.text).toMatch(/^\(二\)救助标准。\n1\.实施残疾儿童康复手术的/u);
    expect(a.text).toContain('3万元/年');
    expect(a.text).toContain('人工耳蜗');
    expect([a.line, a.endLine]).toEqual([126, 138]);
  });

  it('gives a section heading its own text up to its first item', () => {
    expect(article('泸市府规〔2024〕4号', '二')).toMatchObject({
      number: '二、',
      text: '二、救助内容和标准',
      line: 120,
      endLine: 120,
    });
  });

  it('reads 泸市自然资规函〔2024〕425号 二(八) across its page break', () => {
    const a = article('泸市自然资规函〔2024〕425号', '二(八)');
    expect(a.number).toBe('(八)');
    expect(a.text).toContain('临街且平街一层');
    expect(a.text).toMatch(/按非临街且平街一层标准计算的出让金缴纳。$/u);
    expect([a.line, a.endLine]).toEqual([764, 766]);
  });

  it('leaves the preamble out of the articles but in the text', () => {
    const d = doc('泸市府规〔2024〕4号');
    expect(d.articles[0]!.line).toBe(106);
    expect(d.text).toContain('现就进一步实施残疾儿童康复救助制度通知如下。');
    expect(d.articles.some((a) => a.text.includes('通知如下'))).toBe(false);
  });

  it('ends the last section before the signature', () => {
    const a = article('泸市府规〔2024〕4号', '六');
    expect(a.text).toMatch(/本通知自2025年1月6日起施行,有效期五年。$/u);
    expect(a.endLine).toBe(202);
  });

  it('ends the last section of the 通报 before its list of annexes', () => {
    const a = article('泸市府室发〔2024〕34号', '三(三)');
    expect(a.text).toMatch(/发现问题立即整改。$/u);
    expect(a.endLine).toBe(680);
  });

  it('reads the medical notice as 一、…六、 and never counts numbers inside table rows', () => {
    expect(doc('泸市医保规〔2024〕4号').articles.map((a) => a.number)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
    ]);
    expect(doc('泸市府办发〔2024〕47号').articles).toEqual([]);
  });

  it('keeps 1. and (1) items inside their (一) section', () => {
    const paths = doc('泸市府办发〔2024〕46号').articles.map((a) => a.path);
    expect(paths.slice(0, 4)).toEqual(['一', '一(一)', '一(二)', '一(三)']);
    expect(article('泸市府办发〔2024〕46号', '一(二)').text).toContain('(1)综合实力显著增强。');
  });

  it('writes full-width parentheses as ASCII in the number', () => {
    const at = lineOf('(八)申请人在申请办理商业用房');
    const r = readEdited({ [at]: lineText(at).replace('(八)', '（八）') });
    const d = r.documents.find((x) => x.docNo === '泸市自然资规函〔2024〕425号')!;
    expect(d.articles.find((a) => a.line === at)).toMatchObject({ number: '(八)', path: '二(八)' });
  });

  it('gives a (一) item before any 一、 section its number as its path', () => {
    const { articles } = articlesOf('(一)甲。\n\n(二)乙。');
    expect(articles.map((a) => a.path)).toEqual(['(一)', '(二)']);
  });
});

describe('article numbering the reader reports', () => {
  it('reports a number out of sequence with its line', () => {
    const at = lineOf('(八)申请人在申请办理商业用房');
    const r = readEdited({ [at]: lineText(at).replace('(八)', '(十)') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: at, code: 'ARTICLE_SEQUENCE' }),
    );
  });

  it('reports a path seen twice', () => {
    const { report } = articlesOf('一、甲\n(一)子。\n(一)子。');
    expect(report.problems).toContainEqual(
      expect.objectContaining({ line: 3, code: 'ARTICLE_DUPLICATE' }),
    );
  });
});
