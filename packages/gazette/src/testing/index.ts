// @gazette/gazette/testing: committed issues and damaged copies of them, for tests.
export {
  fixtureIssuePath,
  garble,
  ocrConfuse,
  OCR_LOOKALIKES,
  readFixtureIssue,
  type Garbled,
} from './fixtures.ts';
