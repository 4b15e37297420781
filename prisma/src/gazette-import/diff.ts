// Line diff of two texts (longest common subsequence), for showing a CHANGED document before apply.

export interface DiffLine {
  /** ' ' kept, '-' only in the stored text, '+' only in the new one. */
  op: ' ' | '-' | '+';
  text: string;
}

/** The lines that differ, with up to `context` unchanged lines around each change. */
export function diffLines(before: string, after: string, context = 2): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Trim the common head and tail so the table stays small for long documents.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () =>
    new Array<number>(y.length + 1).fill(0),
  );
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      middle.push({ op: ' ', text: x[i]! });
      i++;
      j++;
    } else if (j < y.length && (i >= x.length || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      middle.push({ op: '+', text: y[j]! });
      j++;
    } else {
      middle.push({ op: '-', text: x[i]! });
      i++;
    }
  }
  const all: DiffLine[] = [
    ...a.slice(Math.max(0, head - context), head).map((text) => ({ op: ' ' as const, text })),
    ...middle,
    ...a
      .slice(a.length - tail, Math.min(a.length, a.length - tail + context))
      .map((text) => ({ op: ' ' as const, text })),
  ];
  // Drop unchanged runs longer than the context inside the middle.
  return all.filter((line, k) => {
    if (line.op !== ' ') return true;
    for (let d = 1; d <= context; d++) {
      if (all[k - d]?.op !== undefined && all[k - d]!.op !== ' ') return true;
      if (all[k + d]?.op !== undefined && all[k + d]!.op !== ' ') return true;
    }
    return false;
  });
}
