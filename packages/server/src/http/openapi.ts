import type { Endpoint } from '@treem/shared';
import { z } from 'zod';
import { uploadContentTypes } from './route.ts';

function toSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

function objectProperties(schema: z.ZodType): [string, Record<string, unknown>, boolean][] {
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, s]) => [name, s, required.has(name)]);
}

/** OpenAPI 3.1 generated from the same contracts the server validates with. */
export function buildOpenApi(endpoints: readonly Endpoint[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters = [
      ...objectProperties(endpoint.params).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema,
      })),
      ...objectProperties(endpoint.query).map(([name, schema, required]) => ({
        name,
        in: 'query',
        required,
        schema,
      })),
    ];
    const binaryBody = endpoint.bodyKind === 'binary';
    const hasBody = endpoint.method !== 'GET' && (binaryBody || objectProperties(endpoint.body).length > 0);
    const fileSchema = { type: 'string', contentMediaType: 'application/octet-stream' };
    const status = String(endpoint.successStatus ?? 200);
    paths[path] ??= {};
    paths[path][endpoint.method.toLowerCase()] = {
      summary: endpoint.summary,
      tags: [endpoint.tag],
      'x-permission': endpoint.permission,
      ...(endpoint.permission === 'public' ? { security: [] } : {}),
      parameters,
      ...(hasBody
        ? {
            requestBody: {
              required: true,
              content: binaryBody
                ? Object.fromEntries(uploadContentTypes.map((type) => [type, { schema: fileSchema }]))
                : { 'application/json': { schema: toSchema(endpoint.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]: {
          description: 'Success',
          content:
            endpoint.responseKind === 'file'
              ? { 'application/octet-stream': { schema: fileSchema } }
              : { 'application/json': { schema: toSchema(endpoint.response, 'output') } },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'treem API',
      version,
      description:
        'Every write needs the session cookie and the `x-csrf-token` header from `GET /api/auth/me`. ' +
        'Errors are `{ error: { code, requestId, details?, issues? } }` with stable English codes.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'treem_session' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                requestId: { type: 'string' },
                details: { type: 'object' },
                issues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      path: { type: 'string' },
                      code: { type: 'string' },
                      message: { type: 'string' },
                    },
                  },
                },
              },
              required: ['code'],
            },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths,
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A self-contained reference page (no external scripts: the server may run on a closed network). */
export function renderApiDocs(endpoints: readonly Endpoint[]): string {
  const rows = [...endpoints]
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
    .map(
      (e) =>
        `<tr><td><code>${e.method}</code></td><td><code>${escapeHtml(e.path)}</code></td>` +
        `<td><code>${escapeHtml(e.permission)}</code></td><td>${escapeHtml(e.summary)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>treem API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head>
<body><h1>treem API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Sign in with <code>POST /api/auth/login</code>; send <code>x-csrf-token</code> on every write.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Permission</th><th>Summary</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
