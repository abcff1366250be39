import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/** An in-process API client with a cookie jar and the CSRF header, like the web app. */
export class TestClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async request<T = any>(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'treem_session');
    if (setCookie) this.cookie = setCookie.value ? `treem_session=${setCookie.value}` : undefined;
    let parsed: unknown = response.body;
    if (String(response.headers['content-type'] ?? '').includes('application/json') && response.body) {
      parsed = JSON.parse(response.body);
    }
    return {
      status: response.statusCode,
      body: parsed as T,
      headers: response.headers,
      raw: response,
    } satisfies ApiResponse<T>;
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }

  /** Signs in and keeps the session cookie and CSRF token; fails loudly if sign-in does not complete. */
  async login(username: string, password: string) {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200 || response.body.status !== 'ok') {
      throw new Error(`login failed for ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    this.csrfToken = response.body.me.csrfToken;
    return response.body.me;
  }

  get sessionCookie() {
    return this.cookie;
  }
}
