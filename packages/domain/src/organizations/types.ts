/** Matches `OrganizationType` in prisma/schema.prisma. */
export type OrganizationType =
  'CITY_GOVERNMENT' | 'DISTRICT_COUNTY' | 'PARK' | 'DEPARTMENT' | 'STATE_AGENCY' | 'OTHER';
