// Same-origin fetch wrapper: JSON in and out, the CSRF token on every non-GET request,
// problem+json turned into an ApiError, and a single hook for "the session has ended".
import type { Problem } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field errors keyed by JSON pointer, e.g. `/address/postalCode`. */
  get fieldErrors(): { pointer: string; detail: string }[] {
    return this.problem?.errors ?? [];
  }
}

/** Thrown when the request never got an HTTP answer (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

type Query = Record<string, string | number | undefined | null>;

export type ApiClient = {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** multipart/form-data, e.g. a file upload; the browser sets the boundary. */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** A file (PDF, bank file) as a Blob; failures are ApiErrors like any other request. */
  download(path: string): Promise<Blob>;
  setCsrfToken(token: string | null): void;
};

export type ApiClientOptions = {
  /** Called on 401 from any request except the ones that establish a session. */
  onUnauthorized: () => void;
  baseUrl?: string;
};

const sessionPaths = ['/api/v1/auth/login', '/api/v1/auth/session'];

export function createApiClient({ onUnauthorized, baseUrl = '' }: ApiClientOptions): ApiClient {
  let csrfToken: string | null = null;

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

    let response: Response;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(error);
    }

    if (response.status === 401 && !sessionPaths.includes(path)) onUnauthorized();
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return response;
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, body);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path, query) => request('GET', path + toSearch(query)),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    upload: (path, form) => request('POST', path, form),
    download: async (path) => (await send('GET', path)).blob(),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
