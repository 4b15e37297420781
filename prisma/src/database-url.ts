// DATABASE_URL (and DATABASE_REPLICA_URL) checked before anything connects: a malformed value is
// reported by name, in Chinese and English, instead of a DNS error about part of the string.

export class InvalidDatabaseUrlError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(
      `${variable} 无效:${reason.split(' / ')[0]}。应形如 postgresql://用户:密码@主机:5432/数据库\n` +
        `${variable} is invalid: ${reason.split(' / ')[1] ?? reason}. Expected postgresql://user:password@host:5432/database`,
    );
    this.name = 'InvalidDatabaseUrlError';
  }
}

/** Returns `value` when it is a usable PostgreSQL connection URL; throws InvalidDatabaseUrlError otherwise. */
export function validateDatabaseUrl(value: string, variable = 'DATABASE_URL'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidDatabaseUrlError(variable, '不是 URL / not a URL');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new InvalidDatabaseUrlError(
      variable,
      `协议应为 postgresql:,而不是 ${url.protocol} / the scheme must be postgresql:, not ${url.protocol}`,
    );
  }
  // postgresql:///db?host=/run/postgresql connects over a Unix socket: no host in the authority.
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new InvalidDatabaseUrlError(variable, '缺少主机名 / the host is missing');
  }
  if (url.port && !/^\d+$/.test(url.port)) {
    throw new InvalidDatabaseUrlError(variable, `端口无效 ${url.port} / invalid port ${url.port}`);
  }
  return value;
}
