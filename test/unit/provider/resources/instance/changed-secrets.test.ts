import { describe, expect, it } from '@jest/globals';
import {
  changedSecrets,
  secretSources,
} from '../../../../../provider/resources/instance/changed-secrets.js';
import { instance } from '../resource-fixtures.js';

const withCredentials = instance({
  credentials: {
    registry: 'ghcr.io',
    username: { fromEnv: 'REG_USER' },
    passwordFromEnv: 'REG_PASSWORD',
    email: null,
  },
});
const recorded = {
  WEB_API_KEY: 'hmac-sha256:aa',
  REG_USER: 'hmac-sha256:bb',
  REG_PASSWORD: 'hmac-sha256:cc',
};

describe('changedSecrets', () => {
  it('GIVEN an instance with secrets and registry credentials THEN every secret it sends has a display path', () => {
    expect(secretSources(withCredentials)).toEqual([
      { path: 'credentials.password', fromEnv: 'REG_PASSWORD' },
      { path: 'credentials.username', fromEnv: 'REG_USER' },
      { path: 'secrets.API_KEY', fromEnv: 'WEB_API_KEY' },
    ]);
  });

  it('GIVEN the same HMACs now as recorded THEN nothing changed', () => {
    const current = new Map(Object.entries(recorded));
    expect(changedSecrets({ model: withCredentials, recorded, current })).toEqual([]);
  });

  it('GIVEN another HMAC for the API key and the registry password THEN exactly those paths changed', () => {
    const current = new Map(
      Object.entries({
        ...recorded,
        WEB_API_KEY: 'hmac-sha256:a2',
        REG_PASSWORD: 'hmac-sha256:c2',
      }),
    );
    expect(changedSecrets({ model: withCredentials, recorded, current })).toEqual([
      'credentials.password',
      'secrets.API_KEY',
    ]);
  });

  it('GIVEN the variable is not set now THEN no change is planned from it', () => {
    const current = new Map([['REG_USER', 'hmac-sha256:bb']]);
    expect(changedSecrets({ model: withCredentials, recorded, current })).toEqual([]);
  });

  it('GIVEN a lease recorded before HMACs existed, or one without that variable THEN unknown is no change', () => {
    const current = new Map([['WEB_API_KEY', 'hmac-sha256:zz']]);
    expect(changedSecrets({ model: instance(), recorded: undefined, current })).toEqual([]);
    expect(
      changedSecrets({ model: instance(), recorded: { OTHER: 'hmac-sha256:aa' }, current }),
    ).toEqual([]);
  });

  it('GIVEN no current HMACs (secrets not compared) THEN nothing changed', () => {
    expect(changedSecrets({ model: instance(), recorded, current: undefined })).toEqual([]);
  });
});
