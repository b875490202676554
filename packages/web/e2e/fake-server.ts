// A stand-in for `@stegvis/server/testing` that follows the agreed API contract, used only
// while the real server is not available (STEGVIS_FAKE_SERVER=1). It serves dist/ like the
// real server does, with an SPA fallback.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessLogEntry, PersonDetail, Role, User } from '../src/api/types.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const alvstad = { id: 'm1', name: 'Älvstad' };
const sjoby = { id: 'm2', name: 'Sjöby' };
const norr = { id: 'u1', name: 'Ekonomiskt bistånd Norr' };
const syd = { id: 'u2', name: 'Ekonomiskt bistånd Syd' };
const ame = { id: 'u3', name: 'Arbetsmarknadsenheten' };
const sjobyEb = { id: 'u4', name: 'Ekonomiskt bistånd Sjöby' };

function user(
  username: string,
  name: string,
  role: Role,
  unit: { id: string; name: string } | null,
  municipality = alvstad,
): User {
  return { id: `user-${username}`, username, name, role, municipality, unit };
}

export async function startFakeServer(): Promise<{ url: string; close(): Promise<void> }> {
  const users = [
    user('erik', 'Erik Lund', 'caseworker', norr),
    user('lina', 'Lina Berg', 'caseworker', syd),
    user('sara', 'Sara Holm', 'coach', ame),
    user('maria', 'Maria Ek', 'unitManager', norr),
    user('nils', 'Nils Ström', 'committee', null),
    user('rut', 'Rut Sjö', 'auditor', null),
    user('adam', 'Adam Falk', 'sysadmin', null),
    user('kim', 'Kim Ås', 'caseworker', sjobyEb, sjoby),
  ];
  const persons: (PersonDetail & { municipalityId: string })[] = [
    person('Amina', 'Hassan', '20020114-2385', norr),
    person('Per', 'Johansson', '19790623-4551', norr),
    person('Eva', 'Lind', '19850317-2248', norr, true),
    person('Omar', 'Ali', '19900101-0017', syd),
  ];
  const sessions = new Map<string, { user: User; csrfToken: string }>();
  const log: AccessLogEntry[] = [];

  function person(
    firstName: string,
    lastName: string,
    pin: string,
    unit: { id: string; name: string },
    protectedIdentity = false,
  ) {
    return {
      id: randomUUID(),
      personalIdentityNumber: pin,
      name: `${firstName} ${lastName}`,
      protectedIdentity,
      unit,
      firstName,
      lastName,
      address: { street: 'Storgatan 1', postalCode: '12345', city: 'Älvstad' },
      masked: false,
      birthDate: `${pin.slice(0, 4)}-${pin.slice(4, 6)}-${pin.slice(6, 8)}`,
      municipalityId: unit === sjobyEb ? sjoby.id : alvstad.id,
    };
  }

  function view(p: (typeof persons)[number], viewer: User): PersonDetail {
    const { municipalityId: _, ...detail } = p;
    if (!p.protectedIdentity || viewer.role === 'unitManager') return detail;
    return {
      ...detail,
      name: 'Skyddad identitet',
      personalIdentityNumber: `${p.personalIdentityNumber.slice(0, 9)}****`,
      firstName: null,
      lastName: null,
      address: null,
      masked: true,
    };
  }

  function summary(p: PersonDetail) {
    return {
      id: p.id,
      personalIdentityNumber: p.personalIdentityNumber,
      name: p.name,
      protectedIdentity: p.protectedIdentity,
      unit: p.unit,
    };
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith('/api/')) return await serveStatic(url.pathname, res);
      const sid = /sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const session = sid ? sessions.get(sid) : undefined;
      const route = `${req.method} ${url.pathname}`;

      if (route === 'GET /api/v1/auth/oidc') return json(res, 200, { enabled: false });
      if (route === 'POST /api/v1/auth/login') {
        const body = (await readJson(req)) as { username?: string; password?: string };
        const found = users.find((u) => u.username === body.username);
        if (!found || body.password !== 'demo-stegvis')
          return problem(res, 401, 'Fel användarnamn eller lösenord');
        const id = randomUUID();
        const csrfToken = randomUUID();
        sessions.set(id, { user: found, csrfToken });
        res.setHeader('set-cookie', `sid=${id}; HttpOnly; Path=/; SameSite=Lax`);
        return json(res, 200, { user: found, csrfToken });
      }
      if (!session) return problem(res, 401, 'Inte inloggad');
      if (req.method !== 'GET' && req.headers['x-csrf-token'] !== session.csrfToken)
        return problem(res, 403, 'CSRF');
      const me = session.user;
      if (route === 'GET /api/v1/auth/session') return json(res, 200, session);
      if (route === 'POST /api/v1/auth/logout') {
        sessions.delete(sid ?? '');
        res.writeHead(204).end();
        return;
      }
      const personAccess = ['caseworker', 'coach', 'unitManager'].includes(me.role);
      const visible = () => persons.filter((p) => me.role !== 'coach' && p.unit.id === me.unit?.id);
      const record = (action: AccessLogEntry['action'], p: PersonDetail | null) =>
        log.unshift({
          id: log.length + 1,
          at: new Date().toISOString(),
          user: { id: me.id, name: me.name },
          person: p ? { id: p.id, name: p.name } : null,
          action,
          route: url.pathname,
        });

      if (route === 'GET /api/v1/persons') {
        if (!personAccess) return problem(res, 403, 'Ingen behörighet');
        const search = (url.searchParams.get('search') ?? '').toLowerCase();
        const items = visible()
          .map((p) => view(p, me))
          .filter(
            (p) =>
              !search || p.name.toLowerCase().includes(search) || p.personalIdentityNumber.includes(search),
          );
        record('search', null);
        return json(res, 200, { items: items.map(summary), total: items.length });
      }
      const personMatch = /^GET \/api\/v1\/persons\/([\w-]+)$/.exec(route);
      if (personMatch) {
        const found = visible().find((p) => p.id === personMatch[1]);
        if (!found) return problem(res, 404, 'Finns inte');
        const shown = view(found, me);
        record('read', shown);
        return json(res, 200, shown);
      }
      if (route === 'POST /api/v1/persons') {
        if (me.role !== 'caseworker' || !me.unit) return problem(res, 403, 'Ingen behörighet');
        const body = (await readJson(req)) as {
          personalIdentityNumber: string;
          firstName: string;
          lastName: string;
          address: { street: string; postalCode: string; city: string } | null;
          protectedIdentity: boolean;
        };
        const errors: { pointer: string; detail: string }[] = [];
        if (!validPin(body.personalIdentityNumber))
          errors.push({
            pointer: '/personalIdentityNumber',
            detail: 'Ange ett giltigt personnummer med 12 siffror',
          });
        if (!body.firstName) errors.push({ pointer: '/firstName', detail: 'Ange förnamn' });
        if (!body.lastName) errors.push({ pointer: '/lastName', detail: 'Ange efternamn' });
        if (body.address && !body.address.street)
          errors.push({ pointer: '/address/street', detail: 'Ange gatuadress' });
        if (body.address && !/^\d{3} ?\d{2}$/.test(body.address.postalCode))
          errors.push({ pointer: '/address/postalCode', detail: 'Ange postnummer med 5 siffror' });
        if (body.address && !body.address.city) errors.push({ pointer: '/address/city', detail: 'Ange ort' });
        if (errors.length > 0)
          return json(
            res,
            422,
            { type: 'about:blank', title: 'Ogiltiga uppgifter', status: 422, errors },
            'application/problem+json',
          );
        const created = {
          ...person(
            body.firstName,
            body.lastName,
            body.personalIdentityNumber,
            me.unit,
            body.protectedIdentity,
          ),
          address: body.address,
        };
        persons.push(created);
        record('create', created);
        return json(res, 201, view(created, me));
      }
      if (route === 'GET /api/v1/access-log') {
        if (me.role !== 'unitManager') return problem(res, 403, 'Ingen behörighet');
        const q = url.searchParams;
        const items = log.filter(
          (e) =>
            (!q.get('personId') || e.person?.id === q.get('personId')) &&
            (!q.get('userId') || e.user.id === q.get('userId')) &&
            (!q.get('from') || e.at.slice(0, 10) >= (q.get('from') ?? '')) &&
            (!q.get('to') || e.at.slice(0, 10) <= (q.get('to') ?? '')),
        );
        return json(res, 200, { items });
      }
      if (route === 'GET /api/v1/users') {
        if (me.role === 'unitManager')
          return json(res, 200, { items: users.filter((u) => u.unit?.id === me.unit?.id) });
        if (me.role === 'sysadmin')
          return json(res, 200, { items: users.filter((u) => u.municipality.id === me.municipality.id) });
        return problem(res, 403, 'Ingen behörighet');
      }
      if (route === 'GET /api/v1/units') {
        return json(res, 200, {
          items: [norr, syd, ame].map((u) => ({
            ...u,
            committee: u === ame ? 'Arbetsmarknadsnämnden' : 'Socialnämnden',
          })),
        });
      }
      if (route === 'GET /api/v1/overview') {
        if (!['committee', 'auditor'].includes(me.role)) return problem(res, 403, 'Ingen behörighet');
        return json(res, 200, {
          municipality: me.municipality.name,
          month: '2026-03',
          rows: [
            { unit: norr.name, persons: 42, households: 31 },
            { unit: syd.name, persons: 17, households: null },
            { unit: ame.name, persons: null, households: null },
          ],
          suppressionThreshold: 5,
        });
      }
      return problem(res, 404, 'Finns inte');
    } catch (error) {
      problem(res, 500, String(error));
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

async function serveStatic(pathname: string, res: ServerResponse) {
  const file = join(dist, pathname);
  try {
    if (!file.startsWith(dist) || pathname === '/') throw new Error('index');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(await readFile(join(dist, 'index.html')));
  }
}

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, title: string) {
  json(res, status, { type: 'about:blank', title, status }, 'application/problem+json');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

function validPin(value: string): boolean {
  const digits = value.replace('-', '');
  if (!/^\d{12}$/.test(digits)) return false;
  const ten = digits.slice(2);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
