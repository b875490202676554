import { describe, expect, test } from 'vitest';
import { kronorInput, parseKronor } from './money.ts';

describe('Belopp i kronor', () => {
  test('hyran 5 200 kr blir 520 000 öre, med eller utan mellanslag och "kr"', () => {
    expect(parseKronor('5 200')).toBe(520000);
    expect(parseKronor('5200')).toBe(520000);
    expect(parseKronor('5\u00a0200 kr')).toBe(520000);
    expect(parseKronor('300,50')).toBe(30050);
  });

  test('text, minus och tre decimaler är inte belopp', () => {
    expect(parseKronor('')).toBeNull();
    expect(parseKronor('femhundra')).toBeNull();
    expect(parseKronor('-5')).toBeNull();
    expect(parseKronor('1,234')).toBeNull();
  });

  test('öre tillbaka till ett startvärde i fältet', () => {
    expect(kronorInput(1072000)).toBe('10720');
    expect(kronorInput(30050)).toBe('300,50');
  });
});
