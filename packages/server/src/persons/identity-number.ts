// Personnummer and samordningsnummer (Skatteverket), validated with the maintained
// `personnummer` library. Stored in the 12-digit form YYYYMMDDNNNN.
import personnummerModule from 'personnummer';

// The package is CommonJS typed as `export default`; Node hands ESM the module.exports object.
const Personnummer = ('default' in personnummerModule
  ? personnummerModule.default
  : personnummerModule) as unknown as typeof personnummerModule.default;

export type ParsedIdentityNumber = {
  canonical: string;
  birthDate: string;
  gender: 'female' | 'male';
  coordinationNumber: boolean;
};

export function parseIdentityNumber(input: string): ParsedIdentityNumber | null {
  try {
    const parsed = Personnummer.parse(input.trim(), {
      allowCoordinationNumber: true,
      allowInterimNumber: false,
    });
    const date = parsed.getDate();
    return {
      canonical: parsed.format(true),
      birthDate: date.toISOString().slice(0, 10),
      gender: parsed.isFemale() ? 'female' : 'male',
      coordinationNumber: parsed.isCoordinationNumber(),
    };
  } catch {
    return null;
  }
}

/** 198507099805 → 19850709-9805, or 19850709-**** when the person's identity is protected. */
export function formatIdentityNumber(canonical: string, masked: boolean): string {
  return `${canonical.slice(0, 8)}-${masked ? '****' : canonical.slice(8)}`;
}
