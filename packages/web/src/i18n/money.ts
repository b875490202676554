// Amounts typed by people are kronor ("5 200", "5200", "5 200,50"); the API speaks integer öre.

/** Kronor as typed → öre; null when it is not an amount. */
export function parseKronor(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) return null;
  return Math.round(Number(compact) * 100);
}

/** Öre → kronor for an input's starting value: "10720" or "10720,50". */
export function kronorInput(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}
