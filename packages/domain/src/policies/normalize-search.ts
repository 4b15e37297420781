// Search over titles and document numbers must not care how OCR or a user typed brackets,
// spaces or full-width characters: 泸市府规[2024]4号, 泸市府规〔2024〕4号 and 泸市府规［2024］4号
// are one number (contract README, "Policies").

const OPEN_YEAR = /[〔[［【]/gu;
const CLOSE_YEAR = /[〕\]］】]/gu;

/** Canonical form for matching: no whitespace, half-width ASCII, one bracket per kind, lower case. */
export function normalizeSearchText(text: string): string {
  return (text ?? '')
    .replace(/\s+/gu, '')
    .replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(OPEN_YEAR, '〔')
    .replace(CLOSE_YEAR, '〕')
    .replace(/[〈<]/gu, '《')
    .replace(/[〉>]/gu, '》')
    .replace(/[—–―-]+/gu, '-')
    .replace(/[“”"]/gu, '"')
    .toLowerCase();
}
