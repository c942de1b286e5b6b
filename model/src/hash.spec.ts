import { describe, expect, it } from 'vitest';
import { sha256Hex, subscriberIdFor } from './hash.ts';

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes umlauts as UTF-8 (digest as printed by sha256sum)', async () => {
    expect(await sha256Hex('Grüße aus Hemer')).toBe(
      '1f7206ce737d705223f4c90e8dfb15a6ce7590e18d152a686ae895ae7e3a196c',
    );
  });
});

describe('subscriberIdFor', () => {
  it('gives the same id whatever the case and surrounding spaces of the address', async () => {
    expect(await subscriberIdFor(' Anna@Example.DE ')).toBe(
      await subscriberIdFor('anna@example.de'),
    );
  });
});
