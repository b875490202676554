// Days Swedish banks do not execute payments on, besides Saturdays and Sundays: the public
// holidays of Lag (1989:253) om allmänna helgdagar falling on a weekday, plus midsommarafton,
// julafton and nyårsafton, which are not public holidays but bank holidays (bankfria dagar).
// Data, not code: a new year is a new entry. Only the years listed can be scheduled; add the
// next year before December's batch for January.
export const BANK_HOLIDAYS: Readonly<Record<number, readonly { date: string; name: string }[]>> = {
  2026: [
    { date: '2026-01-01', name: 'Nyårsdagen' },
    { date: '2026-01-06', name: 'Trettondedag jul' },
    { date: '2026-04-03', name: 'Långfredagen' },
    { date: '2026-04-06', name: 'Annandag påsk' },
    { date: '2026-05-01', name: 'Första maj' },
    { date: '2026-05-14', name: 'Kristi himmelsfärdsdag' },
    // Sveriges nationaldag 6 juni is a Saturday in 2026.
    { date: '2026-06-19', name: 'Midsommarafton' },
    { date: '2026-12-24', name: 'Julafton' },
    { date: '2026-12-25', name: 'Juldagen' },
    // Annandag jul 26 december is a Saturday in 2026.
    { date: '2026-12-31', name: 'Nyårsafton' },
  ],
  2027: [
    { date: '2027-01-01', name: 'Nyårsdagen' },
    { date: '2027-01-06', name: 'Trettondedag jul' },
    { date: '2027-03-26', name: 'Långfredagen' },
    { date: '2027-03-29', name: 'Annandag påsk' },
    // Första maj is a Saturday and Sveriges nationaldag a Sunday in 2027.
    { date: '2027-05-06', name: 'Kristi himmelsfärdsdag' },
    { date: '2027-06-25', name: 'Midsommarafton' },
    { date: '2027-12-24', name: 'Julafton' },
    // Juldagen and annandag jul fall on the weekend in 2027.
    { date: '2027-12-31', name: 'Nyårsafton' },
  ],
};
