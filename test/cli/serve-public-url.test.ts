import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-errors.js';
import { publicAccess, trustedProxiesOption } from '../../src/cli/commands/serve.js';

describe('serve --public-url: cookies and expected origin from configuration', () => {
  it.each([
    [undefined, '127.0.0.1', { secureCookies: false }],
    [undefined, 'localhost', { secureCookies: false }],
    [undefined, '0.0.0.0', { secureCookies: true }],
    [
      'https://billing.example.org/app',
      '127.0.0.1',
      { publicOrigin: 'https://billing.example.org', secureCookies: true },
    ],
    ['http://10.0.0.5:8080', '0.0.0.0', { publicOrigin: 'http://10.0.0.5:8080', secureCookies: false }],
  ])('%s listening on %s', (url, host, expected) => {
    expect(publicAccess(url, host)).toEqual(expected);
  });

  it.each(['billing.example.org', 'ftp://billing.example.org', 'https://'])('refuses %s', (url) => {
    expect(() => publicAccess(url, '127.0.0.1')).toThrow(UsageError);
  });
});

describe('serve --trust-proxy: the proxies whose X-Forwarded-For is believed', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['10.0.0.2', ['10.0.0.2']],
    ['10.0.0.2, ::1', ['10.0.0.2', '::1']],
  ])('%s', (value, expected) => {
    expect(trustedProxiesOption(value)).toEqual(expected);
  });

  it.each(['proxy.example.org', '10.0.0.0/8', '10.0.0.2,'])('refuses %s', (value) => {
    expect(() => trustedProxiesOption(value)).toThrow(UsageError);
  });
});
