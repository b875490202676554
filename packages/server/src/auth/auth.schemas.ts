// Request and response shapes of the auth routes (zod only, shared with API clients).
import { z } from 'zod';
import { ROLES } from '../staff/roles.ts';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  municipality: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const sessionResponse = z.object({ user: userSchema, csrfToken: z.string() });

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'Ange användarnamn').max(100),
  password: z.string().min(1, 'Ange lösenord').max(200),
});
