import { GraphQLError, Kind } from 'graphql';
import { fromUtcMidnight, isPlainDate } from '@gazette/domain';
import { builder, type DecimalLikeOutput } from '../builder.ts';
import type { UploadedFile } from '../inspection-annexes/import.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

function badScalar(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isPlainDate(value)) {
    throw badScalar(`日期格式应为 YYYY-MM-DD:${String(value)}`);
  }
  return value;
}

function parseDecimalString(value: unknown): string {
  // Variables must be strings: a JSON float may already have lost digits.
  const text = value;
  if (typeof text !== 'string' || !DECIMAL.test(text.trim())) {
    throw badScalar(`不是有效的十进制数字(应为字符串,如 "1154.01"):${String(value)}`);
  }
  return text.trim();
}

/** Plain notation, no exponent, no trailing zeros after the point ("0.39", "1200"). */
function plain(value: DecimalLikeOutput): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

builder.scalarType('Date', {
  description:
    '日期,格式 YYYY-MM-DD,按北京时间(Asia/Shanghai)的日历。A calendar date on the Asia/Shanghai calendar.',
  serialize: (value) => (value instanceof Date ? fromUtcMidnight(value) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badScalar('日期必须是字符串 YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

builder.scalarType('Decimal', {
  description:
    '十进制数(金额、费率等),以普通记数法的字符串传递,如 "12.5"、"0.39",从不使用浮点数。Money and rates as plain-notation decimal strings, never floats.',
  serialize: (value) => (typeof value === 'string' ? value : plain(value)),
  parseValue: parseDecimalString,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) {
      throw badScalar('十进制数字必须是字符串');
    }
    return parseDecimalString(ast.value);
  },
});

builder.scalarType('JSON', {
  description: '任意 JSON 值(价格表的维度定义与条目属性)。Arbitrary JSON.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/** A file sent as a GraphQL multipart request (graphql-yoga hands over a WHATWG File). */
function parseFile(value: unknown) {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function'
  ) {
    return value as UploadedFile;
  }
  throw badScalar('File 只能通过 multipart 请求上传(GraphQL multipart request 规范)');
}

builder.scalarType('File', {
  description:
    '上传的文件,只能通过 GraphQL multipart 请求发送,仅用于输入。A file of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec), input only.',
  serialize: () => {
    throw new Error('File is an input type');
  },
  parseValue: parseFile,
  parseLiteral: () => {
    throw badScalar('File 只能通过 multipart 请求上传');
  },
});
