import { describe, expect, it } from 'vitest';
import { lineText, readEdited, reading, tableOf } from '../testing/issue.ts';

const table = () => tableOf(reading(), 'NOISE_DUTIES');
const duty = (seq: number) => table().duties.find((d) => d.seq === seq)!;

describe('the noise-law duty table of 泸市府办发〔2024〕47号', () => {
  it('reads 13 rows across the page breaks', () => {
    expect(table().duties.map((d) => d.seq)).toEqual(Array.from({ length: 13 }, (_, k) => k + 1));
    expect(table()).toMatchObject({
      policyDocNo: '泸市府办发〔2024〕47号',
      title: '《中华人民共和国噪声污染防治法》部分条款部门职责分工方案',
    });
  });

  it('reads the articles, including paragraphs (第四十六条第二、三款)', () => {
    expect(table().duties.map((d) => d.article)).toEqual([
      '第三十三条',
      '第四十三条第二款',
      '第四十六条第二、三款',
      '第七十条',
      '第七十二条第二款',
      '第七十三条第二款',
      '第七十七条',
      '第七十八条',
      '第七十九条第二款',
      '第八十条',
      '第八十一条',
      '第八十二条',
      '第八十四条',
    ]);
  });

  it('skips the 市政府办公室文件 lines and the repeated headers', () => {
    const repairs = reading().repairs.filter((r) => r.line >= 613 && r.line <= 640);
    expect(repairs.filter((r) => r.code === 'TABLE_PAGE_HEAD').map((r) => r.line)).toEqual([
      623, 633,
    ]);
    expect(repairs.filter((r) => r.code === 'REPEATED_HEADER').map((r) => r.line)).toEqual([
      618, 625, 629, 635, 639,
    ]);
  });

  it('turns an <ol><li> duty cell into one line per item', () => {
    const lines = duty(5).duty.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('1. 市场监管部门对于生产、销售国家明令淘汰设备的行为依法行使处罚权。');
    expect(duty(5).duty).not.toMatch(/<|>/u);
  });

  it('turns <p> paragraphs of the law text into lines', () => {
    expect(duty(7).lawText.split('\n')).toEqual([
      '违反本法规定,建设单位、施工单位有下列行为之一,由工程所在地人民政府指定的部门责令改正,处一万元以上十万元以下的罚款;拒不改正的,可以责令暂停施工:',
      '(一)超过噪声排放标准排放建筑施工噪声的;',
      '(二)未按照规定取得证明,在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业的。',
    ]);
    expect(duty(13).duty).toBe(
      '由城管执法部门行使处罚权;其中,涉及电梯等特殊设备产品质量问题引起的噪声污染,由市场监管部门负责。',
    );
  });

  it('gives every row the line it is printed on', () => {
    expect(table().duties.map((d) => d.line)).toEqual([
      614, 615, 616, 619, 620, 621, 626, 627, 630, 631, 636, 637, 640,
    ]);
  });

  it('keeps a plain cell verbatim', () => {
    expect(duty(2).duty).toBe('由住房城乡建设、交通运输等各类工程建设行业主管部门出具证明。');
  });
});

describe('duty table defects the reader reports', () => {
  it('reports a missing row as a gap in 序号', () => {
    const r = readEdited({ 630: null });
    expect(tableOf(r, 'NOISE_DUTIES').duties).toHaveLength(12);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'DUTY_SEQ_GAP' }));
  });

  it('reports an article it cannot read', () => {
    const r = readEdited({ 615: lineText(615).replace('第四十三条第二款', '第43条') });
    expect(r.problems).toContainEqual(expect.objectContaining({ line: 615, code: 'DUTY_ARTICLE' }));
  });
});
