import { describe, expect, it } from 'vitest';
import { dutySectorsOf, sectorBodyName } from './duty-sectors.ts';

// Cells of 泸市府办发〔2024〕47号 附件 as printed.
describe('dutySectorsOf', () => {
  it('reads a lead and its partners from 由A等…主管部门商B、C等部门', () => {
    expect(
      dutySectorsOf(
        '由教育体育等特殊活动主管部门商住房城乡建设、生态环境、公安、交通运输、城管执法、文广旅等部门对可能产生噪声影响的活动,作出时间和区域的限制性规定',
      ),
    ).toEqual([
      { sector: '教育体育', role: '牵头' },
      { sector: '住房城乡建设', role: '配合' },
      { sector: '生态环境', role: '配合' },
      { sector: '公安', role: '配合' },
      { sector: '交通运输', role: '配合' },
      { sector: '城管执法', role: '配合' },
      { sector: '文广旅', role: '配合' },
    ]);
  });

  it('gives the violation of each numbered item as the role', () => {
    expect(
      dutySectorsOf(
        '1. 市场监管部门对于生产、销售国家明令淘汰设备的行为依法行使处罚权。\n2. 海关部门对于进口淘汰设备的行为依法行使处罚权。\n3. 城管执法、交通运输部门按职责分工对施工单位使用噪声严重超标设备的行为依法行使处罚权。',
      ),
    ).toEqual([
      { sector: '市场监管', role: '生产、销售国家明令淘汰设备' },
      { sector: '海关', role: '进口淘汰设备' },
      { sector: '城管执法', role: '施工单位使用噪声严重超标设备' },
      { sector: '交通运输', role: '施工单位使用噪声严重超标设备' },
    ]);
  });

  it('gives the scope before 由, and the longest sector name (自然资源规划和规划 as printed)', () => {
    expect(
      dutySectorsOf(
        '城镇规划区内，由城管执法部门行使处罚权；其他区域，由自然资源规划和规划等部门按职责行使处罚权。',
      ),
    ).toEqual([
      { sector: '城管执法', role: '城镇规划区内' },
      { sector: '自然资源规划和规划', role: '其他区域' },
    ]);
    expect(
      dutySectorsOf(
        '由城管执法部门行使处罚权;其中,涉及电梯等特殊设备产品质量问题引起的噪声污染,由市场监管部门负责。',
      ),
    ).toEqual([
      { sector: '城管执法', role: null },
      { sector: '市场监管', role: '电梯等特殊设备产品质量' },
    ]);
  });

  it('lists plain sectors without a role, each once', () => {
    expect(dutySectorsOf('公安、城管执法部门按照职责行使处罚权。公安部门负责。')).toEqual([
      { sector: '公安', role: null },
      { sector: '城管执法', role: null },
    ]);
    expect(dutySectorsOf('相关部门按照工作职责配合做好实施。')).toEqual([]);
  });

  it('names the body of a sector as the gazette prints it', () => {
    expect(sectorBodyName('住房城乡建设')).toBe('市住房城乡建设局');
    expect(sectorBodyName('自然资源规划和规划')).toBe('市自然资源和规划局');
    expect(sectorBodyName('未知')).toBe('未知');
  });
});
