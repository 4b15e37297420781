/**
 * The key a name is matched on: OCR spaces and line breaks removed (the annexes print
 * 泸州市住房和城乡建设局 网站 and 中国(四川)自由贸易试 验区…), full-width ASCII made half-width
 * (（四川） = (四川)), and every middle-dot variant made `·`.
 */
export function normalizeOrganizationName(name: string): string {
  return (name ?? '')
    .replace(/[\s\u00a0\u3000]+/gu, '')
    .replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[•・‧･∙⋅]/gu, '·');
}

// 附件1 names each body by its website (泸州市民政局网站); a site not registered as an alias
// still resolves to its owner.
const SITE_SUFFIX = /(?:门户)?网站$/u;

/** The keys a printed name is looked up by, in order: itself, then without a website suffix. */
export function organizationLookupKeys(name: string): string[] {
  const key = normalizeOrganizationName(name);
  if (key.length === 0) return [];
  const withoutSite = key.replace(SITE_SUFFIX, '');
  return withoutSite !== key && withoutSite.length > 0 ? [key, withoutSite] : [key];
}

/** A body as the database holds it: official name, short name and registered aliases. */
export interface NamedBody {
  name: string;
  shortName?: string | null;
  aliases: readonly string[];
}

/**
 * A resolver over the given bodies (the organisations and aliases in the database): the body a
 * printed name refers to, or null. A name registered for two bodies resolves to neither.
 */
export function createOrganizationResolver<T extends NamedBody>(
  bodies: readonly T[],
): (name: string) => T | null {
  const index = new Map<string, T | null>();
  for (const body of bodies) {
    const names = [body.name, body.shortName ?? '', ...body.aliases]
      .map(normalizeOrganizationName)
      .filter((n) => n.length > 0);
    for (const key of new Set(names)) {
      const existing = index.get(key);
      index.set(key, existing === undefined || existing === body ? body : null);
    }
  }
  return (name) => {
    for (const key of organizationLookupKeys(name)) {
      const found = index.get(key);
      if (found !== undefined) return found;
    }
    return null;
  };
}
