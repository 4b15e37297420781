// The one CSV module of the project (csv-parse / csv-stringify): browser-safe parts. The
// server's extras (iconv-lite decoding, streamed parsing) are in ./node.ts.
export { CSV_PARSE_OPTIONS, CsvSyntaxError, readCsvRecords, type CsvRecord } from './read.ts';
export {
  CSV_BOM,
  csvFileText,
  neutraliseCell,
  stringifyCsv,
  unneutraliseCell,
  type CsvCellValue,
} from './write.ts';
export {
  CsvEncodingError,
  decodeCsvBytesWith,
  textDecoderGb18030,
  type CsvEncoding,
  type DecodedCsv,
  type LegacyDecoder,
} from './decode.ts';
export {
  csvHeader,
  csvRecordsToRows,
  CsvRowChecker,
  EMPTY_CSV_ERROR,
  mapCsvHeader,
  parseCsvTable,
  syntaxRowError,
  type CsvColumn,
  type CsvRow,
  type CsvRowError,
  type CsvTableResult,
  type CsvTableSpec,
} from './table.ts';
