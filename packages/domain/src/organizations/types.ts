/** Matches `OrganizationType` in prisma/schema.prisma. */
export type OrganizationType =
  'CITY_GOVERNMENT' | 'DISTRICT_COUNTY' | 'PARK' | 'DEPARTMENT' | 'STATE_AGENCY' | 'OTHER';

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  CITY_GOVERNMENT: '市政府',
  DISTRICT_COUNTY: '区县',
  PARK: '园区',
  DEPARTMENT: '市级部门',
  STATE_AGENCY: '垂直管理单位',
  OTHER: '其他',
};

/** A body of Luzhou as the gazette names it. `name` is the key everywhere in typed data. */
export interface Organization {
  /** Official full name (unique). */
  name: string;
  /** The form the gazette uses most, e.g. 市教育体育局. */
  shortName: string | null;
  type: OrganizationType;
  /** Official name of the parent body, if any. */
  parentName: string | null;
  /** Every other name the gazette (or common usage) gives it; whitespace is ignored. */
  aliases: readonly string[];
}
