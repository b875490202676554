import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, createApiClient, NetworkError } from './client.ts';

type Call = { url: string; init: RequestInit };

function stubFetch(response: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  });
  return calls;
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API-klienten', () => {
  test('skickar CSRF-token på POST men inte på GET, och alltid med same-origin-cookies', async () => {
    const calls = stubFetch(() => Response.json({ ok: true }));
    const api = createApiClient({ onUnauthorized: () => {} });
    api.setCsrfToken('token-1');
    await api.get('/api/v1/persons', { search: 'Amina', offset: 0, limit: undefined });
    await api.post('/api/v1/persons', { firstName: 'Amina' });

    expect(calls[0]?.url).toBe('/api/v1/persons?search=Amina&offset=0');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    const headers = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;
    expect(headers(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headers(calls[1])['x-csrf-token']).toBe('token-1');
    expect(calls[1]?.init.body).toBe('{"firstName":"Amina"}');
  });

  test('gör om problem+json till ApiError med fältfel', async () => {
    stubFetch(() =>
      problem(422, {
        type: 'urn:stegvis:problem:invalid_input',
        title: 'Uppgifterna behöver rättas',
        status: 422,
        code: 'invalid_input',
        errors: [{ pointer: '/firstName', detail: 'Ange förnamn' }],
      }),
    );
    const api = createApiClient({ onUnauthorized: () => {} });
    const error = await api.post('/api/v1/persons', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.code).toBe('invalid_input');
    expect((error as ApiError).fieldErrors).toEqual([{ pointer: '/firstName', detail: 'Ange förnamn' }]);
  });

  test('401 utanför inloggningen avslutar sessionen i appen', async () => {
    stubFetch(() =>
      problem(401, { type: 'x', title: 'Du behöver logga in', status: 401, code: 'unauthenticated' }),
    );
    const onUnauthorized = vi.fn();
    const api = createApiClient({ onUnauthorized });
    await api.get('/api/v1/auth/session').catch(() => {});
    await api.post('/api/v1/auth/login', {}).catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled();
    await api.get('/api/v1/persons').catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  test('ett nätverksfel blir NetworkError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const api = createApiClient({ onUnauthorized: () => {} });
    await expect(api.get('/api/v1/persons')).rejects.toBeInstanceOf(NetworkError);
  });
});
