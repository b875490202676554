// Synthetic Swedish people for demo data and benchmarks: invented names and addresses,
// identity numbers with a valid checksum (they are generated, not taken from anyone).
import { createHash } from 'node:crypto';

export type Random = () => number;

/** Mulberry32: a small seeded generator, so `--seed S` always gives the same demo. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
/** A value drawn with the given weights (any positive numbers; they need not sum to 100). */
export function pickWeighted<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r <= 0) return value;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}
export const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

const FEMALE = [
  'Amina',
  'Anna',
  'Maria',
  'Sara',
  'Fatima',
  'Elin',
  'Åsa',
  'Emma',
  'Leila',
  'Karin',
  'Ebba',
  'Hanna',
  'Noor',
  'Ida',
  'Märta',
  'Zeynep',
  'Sofia',
  'Ingrid',
  'Ayan',
  'Linnéa',
];
const MALE = [
  'Erik',
  'Per',
  'Mohammed',
  'Johan',
  'Ali',
  'Lars',
  'Örjan',
  'Oskar',
  'Ahmed',
  'Nils',
  'Hassan',
  'Björn',
  'Karl',
  'Yusuf',
  'Anders',
  'Mattias',
  'Abdi',
  'Göran',
  'Ivan',
  'Elias',
];
const LAST = [
  'Johansson',
  'Andersson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Hassan',
  'Ali',
  'Mohamed',
  'Öberg',
  'Åberg',
  'Ekström',
  'Lindqvist',
  'Yilmaz',
  'Nguyen',
  'Berg',
  'Ängström',
  'Holm',
  'Sandberg',
  'Abdullahi',
  'Kovač',
];
const STREETS = [
  'Storgatan',
  'Kyrkogatan',
  'Älvvägen',
  'Björkvägen',
  'Skolgatan',
  'Åsgatan',
  'Järnvägsgatan',
  'Ängsvägen',
  'Norra Långgatan',
  'Södra vägen',
];

/** Luhn checksum over the ten digits YYMMDDNNN (Skatteverket). */
function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function identityNumber(birthDate: string, gender: 'female' | 'male', serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const three =
    String(serial % 100).padStart(2, '0') + String(((serial >> 1) % 5) * 2 + (gender === 'male' ? 1 : 0));
  const nine = `${y?.slice(2)}${m}${d}${three}`;
  return `${y}${m}${d}${three}${luhn(nine)}`;
}

export function birthDateForAge(random: Random, today: string, minAge: number, maxAge: number): string {
  const year = Number(today.slice(0, 4)) - between(random, minAge, maxAge);
  const month = between(random, 1, 12);
  const day = between(random, 1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function person(random: Random, today: string, minAge: number, maxAge: number, lastName?: string) {
  const gender = random() < 0.5 ? 'female' : 'male';
  const birthDate = birthDateForAge(random, today, minAge, maxAge);
  return {
    gender,
    birthDate,
    firstName: pick(random, gender === 'female' ? FEMALE : MALE),
    lastName: lastName ?? pick(random, LAST),
  } as const;
}

export function address(random: Random, city: string, postalPrefix: string) {
  return {
    street: `${pick(random, STREETS)} ${between(random, 1, 80)}`,
    postalCode: `${postalPrefix}${between(random, 0, 9)} ${String(between(random, 0, 99)).padStart(2, '0')}`,
    city,
  };
}

/**
 * Identifiers for demo rows, the same on every run: UUIDs (version 4 layout) from a hash of
 * a namespace and a counter. Seeders order rows by id, so random UUIDs would pick different
 * households for errands, plans and history on each start, and tests would see a different demo.
 */
export function demoUuids(namespace: string): () => string {
  let n = 0;
  return () => {
    const hex = createHash('sha256').update(`${namespace}:${n++}`).digest('hex');
    const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
