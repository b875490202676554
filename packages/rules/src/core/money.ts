// Money as integer öre (1 kr = 100 öre) and the two roundings the rules need.
// Every amount in the engine is an integer number of öre; nothing is ever a float krona.

/** Belopp i öre — an integer number of öre. */
export type Ore = number;

/** Öre in one krona. */
export const ORE_PER_KRONA = 100;

/**
 * numerator ÷ denominator öre, rounded to the nearest whole krona, half up, returned in öre.
 * Used for växelvis boende (days ÷ 30, SoF 2025:468 12 kap. 2 § as applied by the contract)
 * and for the shared-household share (12 kap. 3 § andra stycket). Both arguments are
 * non-negative integers; the result is exact for safe integers.
 */
export function roundHalfUpToKrona(numerator: Ore, denominator: number): Ore {
  // floor(n / (100·d) + 1/2) = floor((2n + 100·d) / (200·d))
  return (
    Math.floor((2 * numerator + ORE_PER_KRONA * denominator) / (2 * ORE_PER_KRONA * denominator)) *
    ORE_PER_KRONA
  );
}

/**
 * percent % of amount, rounded down to whole öre, without losing precision on large amounts
 * (jobbstimulans, SoL 2025:400 12 kap. 8 §).
 */
export function percentRoundedDown(amount: Ore, percent: number): Ore {
  const hundreds = Math.floor(amount / 100);
  const rest = amount - hundreds * 100;
  return hundreds * percent + Math.floor((rest * percent) / 100);
}

/** "5 220 kr" or "1 269,50 kr" — Swedish formatting for messages, without locale data. */
export function formatKronor(amount: Ore): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const kronor = Math.floor(abs / ORE_PER_KRONA);
  const ore = abs - kronor * ORE_PER_KRONA;
  const grouped = String(kronor).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const decimals = ore === 0 ? '' : `,${String(ore).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${grouped}${decimals}\u00a0kr`;
}
