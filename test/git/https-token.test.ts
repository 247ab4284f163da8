/**
 * The optional HTTPS token reaches git only through the child's environment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gitEnv } from '../../electron/core/git/run-git';
import { setHttpsToken, hasHttpsToken } from '../../electron/core/git/https-token';

describe('HTTPS token', () => {
  afterEach(() => setHttpsToken(null));

  it('is absent unless set', () => {
    expect(gitEnv().GIT_CONFIG_COUNT).toBeUndefined();
    expect(hasHttpsToken()).toBe(false);
  });

  it('becomes an Authorization header for git, and nothing else', () => {
    setHttpsToken('secret-token');
    const env = gitEnv();
    expect(env.GIT_CONFIG_KEY_0).toBe('http.extraHeader');
    expect(env.GIT_CONFIG_VALUE_0).toBe(`Authorization: Basic ${Buffer.from('x-access-token:secret-token').toString('base64')}`);
    expect(Object.values(env).some((v) => v === 'secret-token')).toBe(false);
  });
});
