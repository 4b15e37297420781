import type { ReaderProblem } from './seed-types.ts';

/**
 * What the reader could not decide (`problems`: a reviewer must look) and what it repaired
 * on the way (`repairs`: OCR defects it handled by a fixed rule, listed so review can check).
 */
export class ReadReport {
  readonly problems: ReaderProblem[] = [];
  readonly repairs: ReaderProblem[] = [];

  problem(line: number, code: string, message: string): void {
    this.problems.push({ line, code, message });
  }

  repair(line: number, code: string, message: string): void {
    this.repairs.push({ line, code, message });
  }
}
