import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ stream }), lines };
}

describe('createLogger', () => {
  it('writes JSON lines and redacts PHI and secrets at the top level and one level down', () => {
    const { log, lines } = capture();
    log.info(
      {
        userId: 'u-1',
        name: 'Jane Synthetic',
        patientName: 'Jane Synthetic',
        birthDate: '1961-04-02',
        mrn: 'MRN-0001',
        email: 'jane@example.test',
        password: 'secret-password',
        token: 'tok',
        patient: { name: 'Jane Synthetic', mrn: 'MRN-0001' },
        headers: { cookie: 'sgrt_session=abc', authorization: 'Bearer x' },
        sql: { parameters: ['Jane Synthetic'] },
      },
      'something happened',
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'something happened', userId: 'u-1', level: 30 });
    for (const secret of ['Jane', 'MRN-0001', '1961', 'jane@', 'secret-password', 'sgrt_session', 'Bearer']) {
      expect(lines[0]).not.toContain(secret);
    }
  });
});
