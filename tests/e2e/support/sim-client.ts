/** A plain Node HTTPS client for talking to the gateway simulator under its real hostnames. */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { API_HOST, type GatewaySim } from './gateway-sim';

export interface SimResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimCall {
  host?: string;
  method?: string;
  /** Raw path and query, sent exactly as given. */
  path: string;
  headers?: Record<string, string>;
  /** A request body (writes), sent as given. */
  body?: string;
  timeoutMs?: number;
}

/** Sends one request; rejects on a network error or after timeoutMs (then the socket is closed). */
export function callSim(sim: GatewaySim, call: SimCall): Promise<SimResponse> {
  const host = call.host ?? API_HOST;
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: host,
        ca: sim.certPem,
        agent: false,
        method: call.method ?? 'GET',
        path: call.path,
        headers: { host, ...call.headers },
        timeout: call.timeoutMs ?? 5_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', fail);
    req.end(call.body);
  });
}
