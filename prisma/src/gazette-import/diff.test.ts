import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.ts';

describe('diffLines', () => {
  it('shows a changed line as removed then added, with context', () => {
    const before = ['一', '二', '三', '四', '五', '六', '七'].join('\n');
    const after = ['一', '二', '三', '肆', '五', '六', '七'].join('\n');
    expect(diffLines(before, after, 1)).toEqual([
      { op: ' ', text: '三' },
      { op: '-', text: '四' },
      { op: '+', text: '肆' },
      { op: ' ', text: '五' },
    ]);
  });

  it('lists added and removed lines, and nothing for equal texts', () => {
    expect(diffLines('a\nb', 'a\nb\nc', 0)).toEqual([{ op: '+', text: 'c' }]);
    expect(diffLines('a\nb\nc', 'a\nc', 0)).toEqual([{ op: '-', text: 'b' }]);
    expect(diffLines('a\nb', 'a\nb')).toEqual([]);
    expect(diffLines('', 'x', 0)).toEqual([
      { op: '-', text: '' },
      { op: '+', text: 'x' },
    ]);
  });
});
