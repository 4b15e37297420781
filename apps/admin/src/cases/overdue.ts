// The dashboard's 已超期 is the domain's rule, the one the API's `overdue` field uses.
export { isCaseOverdue as isOverdue } from '@gazette/domain';
