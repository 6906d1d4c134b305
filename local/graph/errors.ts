// Graph's error JSON: { error: { code, message, innerError: { date, request-id, client-request-id } } }.
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export function sendGraphError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const requestId = randomUUID();
  const body = JSON.stringify({
    error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': requestId } },
  });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'request-id': requestId, ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' });
  res.end(JSON.stringify(value));
}
