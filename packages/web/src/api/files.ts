import type { Endpoint, EndpointParams, EndpointQuery, EndpointResponse } from '@treem/shared';
import { ApiError } from './ApiError.ts';
import { currentCsrfToken } from './client.ts';
import { buildUrl, fileNameFromDisposition, parseErrorBody, uploadContentType } from './request.ts';

/*
 * The two kinds of call `call()` does not make: sending a file's raw bytes (`bodyKind: 'binary'`) and receiving a
 * file (`responseKind: 'file'`). Errors arrive as the usual JSON error body and become the same ApiError.
 */

interface FileCallInput<E extends Endpoint> {
  params?: EndpointParams<E>;
  query?: EndpointQuery<E>;
  signal?: AbortSignal;
}

async function send(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
  if (signal) init.signal = signal;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0 });
  }
  if (!response.ok) {
    let json: unknown = undefined;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    throw new ApiError({ status: response.status, ...parseErrorBody(response.status, json) });
  }
  return response;
}

/** Uploads a file as the request body, with a Content-Type chosen from its name; the answer is checked as JSON. */
export async function uploadFile<E extends Endpoint>(
  endpoint: E,
  file: Blob & { name: string },
  input: FileCallInput<E> = {},
): Promise<EndpointResponse<E>> {
  const url = buildUrl(
    endpoint.path,
    input.params as Record<string, unknown> | undefined,
    input.query as Record<string, unknown> | undefined,
  );
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': uploadContentType(file.name),
  };
  const token = currentCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  const response = await send(url, { method: endpoint.method, headers, body: file }, input.signal);
  let json: unknown = undefined;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    console.error(
      `Response of ${endpoint.method} ${endpoint.path} does not match the contract`,
      parsed.error,
    );
    throw new ApiError({ code: 'BAD_RESPONSE', status: response.status });
  }
  return parsed.data as EndpointResponse<E>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** Fetches a file endpoint; the name comes from the server's Content-Disposition. */
export async function downloadFile<E extends Endpoint>(
  endpoint: E,
  fallbackName: string,
  input: FileCallInput<E> = {},
): Promise<DownloadedFile> {
  const url = buildUrl(
    endpoint.path,
    input.params as Record<string, unknown> | undefined,
    input.query as Record<string, unknown> | undefined,
  );
  const response = await send(url, { method: 'GET', headers: { accept: '*/*' } }, input.signal);
  const blob = await response.blob();
  return {
    blob,
    fileName: fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName),
  };
}

/** Hands a downloaded file to the browser, which saves it under its name. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty for the save to start.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
