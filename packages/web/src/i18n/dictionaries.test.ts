import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { sv } from './sv.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('Ordlistorna', () => {
  test('varje engelsk text har samma platshållare som den svenska', () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  test('ingen text är tom', () => {
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });
});
