// 泸市府办发〔2024〕47号's table cells carry HTML from the scan (<p>…</p>, <ol><li>…</li></ol>).
const BLOCK_TAG = /<\/?(?:p|li|ol|ul|br|div)\b[^>]*\/?>/giu;
const ANY_TAG = /<[^>]+>/gu;
const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&amp;': '&',
};

/** Plain text of a cell: one line per paragraph or list item, trimmed, no empty lines. */
export function htmlCellToText(cell: string): string {
  return (cell ?? '')
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '')
    .replace(/&(?:nbsp|lt|gt|quot|amp);/gu, (e) => ENTITIES[e] ?? e)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
