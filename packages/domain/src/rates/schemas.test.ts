import { describe, expect, it } from 'vitest';
import {
  ZLandTransferFeeInput,
  ZMedicalServiceQuoteInput,
  ZRehabAssistanceInput,
} from './schemas.ts';

function messages(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('ZMedicalServiceQuoteInput', () => {
  it('accepts a quote without asOf (the API fills today)', () => {
    const r = ZMedicalServiceQuoteInput.safeParse({
      grade: 'TERTIARY_A',
      items: [{ code: ' 311201079 ', quantity: 10 }],
    });
    expect(r.success && r.data.items[0]?.code).toBe('311201079');
  });

  it('names the grade, the date and the quantity in Chinese', () => {
    const r = ZMedicalServiceQuoteInput.safeParse({
      grade: '三甲',
      asOf: '2025-13-01',
      items: [{ code: 'x', quantity: 0 }],
    });
    const m = messages(r);
    expect(m.some((x) => x.startsWith('grade:') && x.includes('医疗机构等级'))).toBe(true);
    expect(m.some((x) => x.startsWith('asOf:') && x.includes('不是有效日期'))).toBe(true);
    expect(m.some((x) => x.startsWith('items.0.quantity:') && x.includes('数量'))).toBe(true);
  });

  it('rejects an empty item list', () => {
    expect(
      messages(ZMedicalServiceQuoteInput.safeParse({ grade: 'TERTIARY_A', items: [] })),
    ).toEqual(['items: items(收费项目)不能为空']);
  });
});

describe('ZLandTransferFeeInput', () => {
  const ok = { landUse: 'COMMERCIAL', grade: 1, floorArea: '100.5', termCoefficient: '0.9' };

  it('defaults the booleans to false and keeps decimals as strings', () => {
    const r = ZLandTransferFeeInput.parse(ok);
    expect(r).toMatchObject({
      streetFrontGroundFloor: false,
      housingReform: false,
      floorArea: '100.5',
    });
  });

  it('rejects a float area, a zero coefficient and grade 8, naming each field', () => {
    const m = messages(
      ZLandTransferFeeInput.safeParse({
        ...ok,
        floorArea: 100.5,
        termCoefficient: '0.00',
        grade: 8,
      }),
    );
    expect(m.map((x) => x.split(':')[0])).toEqual(['grade', 'floorArea', 'termCoefficient']);
    expect(m[2]).toContain('必须大于 0');
  });

  it('rejects a negative appraisal but accepts none', () => {
    expect(ZLandTransferFeeInput.safeParse({ ...ok, appraisedAmount: '-1' }).success).toBe(false);
    expect(ZLandTransferFeeInput.safeParse({ ...ok, appraisedAmount: null }).success).toBe(true);
  });
});

describe('ZRehabAssistanceInput', () => {
  it('accepts the contract input with optional fields omitted', () => {
    const r = ZRehabAssistanceInput.safeParse({
      birthDate: '2012-02-29',
      applicationDate: '2025-03-01',
      luzhouHukou: true,
      service: 'LIMB_ORTHOSIS',
      requestedAmount: '4800',
    });
    expect(r.success).toBe(true);
  });

  it('names service and requestedAmount', () => {
    const m = messages(
      ZRehabAssistanceInput.safeParse({
        birthDate: '2012-02-30',
        applicationDate: '2025-03-01',
        luzhouHukou: 'yes',
        service: 'X',
        requestedAmount: '1e3',
      }),
    );
    expect(m.map((x) => x.split(':')[0])).toEqual([
      'birthDate',
      'luzhouHukou',
      'service',
      'requestedAmount',
    ]);
  });
});
