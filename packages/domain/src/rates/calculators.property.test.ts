// Properties of the calculators over many generated quotes (fast-check, as dinero.js tests its
// arithmetic): a total is the sum of its lines, a capped line never exceeds its cap, amounts grow
// with quantity and area, and money is rounded once, at the end. Tables are the test fixtures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  landTransferFeeTableFixture,
  medicalServiceTableFixture,
  rehabAssistanceTableFixture,
} from '../../test/fixtures/rate-tables.ts';
import { Decimal, dec, roundMoney } from '../shared/money.ts';
import { checkRehabAssistance } from './check-rehab-assistance.ts';
import { HOSPITAL_GRADES } from './hospital-grades.ts';
import { quoteLandTransferFee, type LandTransferFeeInput } from './quote-land-transfer-fee.ts';
import { quoteMedicalServices } from './quote-medical-services.ts';
import { REHAB_SERVICES } from './rehab-services.ts';

const MEDICAL = medicalServiceTableFixture();
const LAND = landTransferFeeTableFixture();
const AS_OF = '2025-06-01';
const CODES = [...new Set(MEDICAL.versions[0]!.entries.map((e) => e.code!))];
const CAPPED = [
  ...new Set(
    MEDICAL.versions[0]!.entries.filter((e) => e.attributes.lineCap !== undefined).map(
      (e) => e.code!,
    ),
  ),
];

const grade = fc.constantFrom(...HOSPITAL_GRADES);
const quantity = fc.integer({ min: 1, max: 60 });
/** Distinct items of the table with quantities. */
const items = fc
  .uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: CODES.length })
  .chain((codes) => fc.tuple(...codes.map((code) => quantity.map((q) => ({ code, quantity: q })))));
/** A positive decimal with up to four places, as people type areas and coefficients. */
const decimalText = (min: number, max: number) =>
  fc
    .integer({ min: min * 10_000, max: max * 10_000 })
    .map((n) => new Decimal(n).div(10_000).toFixed());

const quote = (g: (typeof HOSPITAL_GRADES)[number], list: { code: string; quantity: number }[]) =>
  quoteMedicalServices(MEDICAL, { grade: g, asOf: AS_OF, items: list });

describe('medical service quotes', () => {
  it('have a total that is the sum of their exact lines, rounded once', () => {
    fc.assert(
      fc.property(grade, items, (g, list) => {
        const q = quote(g, list);
        const sum = q.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
        expect(q.total.equals(roundMoney(sum))).toBe(true);
        // The same lines priced one quote at a time add up to the same total.
        const apart = list.reduce(
          (s, item) => s.plus(quote(g, [item]).lines[0]!.amount),
          new Decimal(0),
        );
        expect(q.total.equals(roundMoney(apart))).toBe(true);
      }),
    );
  });

  it('never price a capped line above its cap, and price it below the cap exactly', () => {
    fc.assert(
      fc.property(grade, fc.constantFrom(...CAPPED), quantity, (g, code, n) => {
        const line = quote(g, [{ code, quantity: n }]).lines[0]!;
        expect(line.cap).not.toBeNull();
        expect(line.amount.lte(line.cap!)).toBe(true);
        // 附件 序号16 说明: each further egg adds perExtraUnitRate of the first egg's price.
        const extra = dec(
          String(
            MEDICAL.versions[0]!.entries.find((e) => e.code === code)!.attributes.perExtraUnitRate,
          ),
        );
        const uncapped = line.unitPrice.plus(line.unitPrice.times(extra).times(n - 1));
        expect(line.amount.equals(Decimal.min(uncapped, line.cap!))).toBe(true);
        expect(line.capApplied).toBe(uncapped.gt(line.cap!));
      }),
    );
  });

  it('grow (never shrink) with quantity, line by line', () => {
    fc.assert(
      fc.property(grade, fc.constantFrom(...CODES), quantity, quantity, (g, code, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lo = quote(g, [{ code, quantity: low }]).lines[0]!.amount;
        const hi = quote(g, [{ code, quantity: high }]).lines[0]!.amount;
        expect(lo.lte(hi)).toBe(true);
      }),
    );
  });
});

describe('land transfer fees', () => {
  const input = fc.record({
    landUse: fc.constantFrom('COMMERCIAL' as const, 'RESIDENTIAL' as const),
    grade: fc.integer({ min: 1, max: 7 }),
    streetFrontGroundFloor: fc.boolean(),
    housingReform: fc.boolean(),
    floorArea: decimalText(0.0001, 5000),
    termCoefficient: decimalText(0.0001, 2),
  });
  const fee = (i: Omit<LandTransferFeeInput, 'asOf'>) =>
    quoteLandTransferFee(LAND, { ...i, asOf: AS_OF });

  it('are area × standard × coefficient (× 50% for 房改房), exact until one final rounding', () => {
    fc.assert(
      fc.property(input, (i) => {
        const q = fee(i);
        const exact = dec(i.floorArea).times(q.standardPerSqm).times(dec(i.termCoefficient));
        expect(q.standardFee.equals(exact)).toBe(true);
        expect(q.steps.at(-1)!.amount.equals(i.housingReform ? exact.times('0.5') : exact)).toBe(
          true,
        );
        expect(q.amount.equals(roundMoney(i.housingReform ? exact.times('0.5') : exact))).toBe(
          true,
        );
      }),
    );
  });

  it('grow (never shrink) with the floor area and with the term coefficient', () => {
    fc.assert(
      fc.property(
        input,
        decimalText(0, 1000),
        decimalText(0, 1),
        (i, moreArea, moreCoefficient) => {
          const base = fee(i).amount;
          expect(
            base.lte(fee({ ...i, floorArea: dec(i.floorArea).plus(moreArea).toFixed() }).amount),
          ).toBe(true);
          expect(
            base.lte(
              fee({ ...i, termCoefficient: dec(i.termCoefficient).plus(moreCoefficient).toFixed() })
                .amount,
            ),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('rehabilitation assistance', () => {
  const REHAB = rehabAssistanceTableFixture();
  // Amounts in yuan and fen. (A request in fractions of a fen is rounded half-up after the cap,
  // so 12002.825 asked gives 12002.83 approved: left to the domain's owners.)
  const money = fc
    .integer({ min: 0, max: 20_000_000 })
    .map((fen) => new Decimal(fen).div(100).toFixed());

  it('never approves more than was asked, nor more than the cap leaves this year, and grows with the request', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REHAB_SERVICES),
        money,
        money,
        money,
        (service, requested, more, fundedThisYear) => {
          const check = (asked: string) =>
            checkRehabAssistance(REHAB, {
              birthDate: '2015-05-20',
              applicationDate: AS_OF,
              luzhouHukou: true,
              service,
              requestedAmount: asked,
              fundedThisYear,
            });
          const r = check(requested);
          expect(r.approvedAmount.lte(dec(requested))).toBe(true);
          expect(r.approvedAmount.lte(r.remaining)).toBe(true);
          expect(r.remaining.lte(r.cap)).toBe(true);
          expect(
            r.approvedAmount.lte(check(dec(requested).plus(more).toFixed()).approvedAmount),
          ).toBe(true);
        },
      ),
    );
  });
});
