import type { Response } from 'express';

/**
 * Writes a JSON body with `Content-Type: application/json` exactly: realm-core only decodes an
 * error body (and its error_code) when the header is that string, with no charset parameter.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.status(status);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

/** An empty response carries no Content-Type (realm-web reads a typed empty body as an error). */
export function sendEmpty(res: Response, status: number): void {
  res.status(status);
  res.removeHeader('Content-Type');
  res.end();
}

/** A download: the bytes with their type, offered as a file named `filename`. */
export function sendAttachment(
  res: Response,
  contentType: string,
  filename: string,
  data: Uint8Array,
): void {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename=${filename}`);
  res.setHeader('Content-Length', data.byteLength);
  res.end(data);
}
