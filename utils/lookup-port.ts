/**
 * A lookup over a port of this name: the port's disconnect means the asker stopped waiting
 * (docs/request-economy.md#askers). Its own file, free of zod, because the content script needs it.
 */
export const LOOKUP_PORT = 'lookup';
