// Which version of a guideline set is in force, and whether its review date has passed.
type VersionDates = {
  version: number;
  status: 'draft' | 'adopted';
  validFrom: string;
  adoptedOn: string | null;
  reviewOn: string | null;
};

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Today in Sweden, YYYY-MM-DD. */
export function today(): string {
  return stockholmDate.format(new Date());
}

/** The adopted version in force on the date, else the latest adopted one (in force later). */
export function currentVersion<V extends VersionDates>(versions: readonly V[], date: string): V | undefined {
  const adopted = versions
    .filter((v) => v.status === 'adopted')
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return adopted.filter((v) => v.validFrom <= date).at(-1) ?? adopted.at(-1);
}

export function latestVersion<V extends VersionDates>(versions: readonly V[]): V | undefined {
  return [...versions].sort((a, b) => a.version - b.version).at(-1);
}

/** The nämnd's review date of the version has passed (it is due for översyn). */
export function isReviewDue(version: VersionDates, date: string): boolean {
  return version.status === 'adopted' && version.reviewOn !== null && version.reviewOn < date;
}

/** The version in force in a month (YYYY-MM) for the calculation: the latest adopted from before the month's end. */
export function versionForMonth<V extends VersionDates>(
  versions: readonly V[],
  month: string,
): V | undefined {
  return versions
    .filter((v) => v.status === 'adopted' && v.validFrom <= `${month}-01`)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .at(-1);
}
