/** A logged-in staff session. `id` is a keyed hash of the cookie token, never the token. */
export type SessionTable = {
  id: string;
  municipalityId: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
};
