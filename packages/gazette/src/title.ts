/**
 * Joins a document title broken across lines (or spaced by OCR) into one line.
 * Joint issuers before `关于` keep one space between them, as the 目录 prints them
 * (`泸州市自然资源和规划局 泸州市财政局 国家税务总局泸州市税务局关于…`); every other
 * space goes.
 */
export function joinTitle(parts: readonly string[]): string {
  // Line breaks join directly (the 目录 breaks lines anywhere); spaces within a line may
  // separate joint issuers.
  const text = parts
    .map((p) => p.trim())
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  const at = text.indexOf('关于');
  if (at < 0) return text.replace(/\s+/gu, '');
  const issuers = text
    .slice(0, at)
    .trim()
    .split(' ')
    .filter((s) => s.length > 0);
  return issuers.join(' ') + text.slice(at).replace(/\s+/gu, '');
}

/** The issuers a title names before `关于`, in order. */
export function titleIssuers(title: string): string[] {
  const at = title.indexOf('关于');
  if (at <= 0) return [];
  return title
    .slice(0, at)
    .trim()
    .split(/\s+/u)
    .filter((s) => s.length > 0);
}
