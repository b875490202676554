// IBAN check digits (ISO 13616, mod 97), used to validate payout accounts and to give the demo
// households fictitious but well-formed Swedish accounts.

function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}

function numeric(text: string): string {
  return [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
}

export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  return mod97(numeric(iban.slice(4) + iban.slice(0, 4))) === 1;
}

/** A Swedish IBAN: SE, two check digits, a three-digit bank code and a 17-digit account number. */
export function swedishIban(bankCode: string, account: string): string {
  const bban = `${bankCode.padStart(3, '0')}${account.padStart(17, '0')}`;
  const check = 98 - mod97(numeric(`${bban}SE00`));
  return `SE${String(check).padStart(2, '0')}${bban}`;
}
