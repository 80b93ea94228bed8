/**
 * The browser-mode wire format, as types so the renderer can check its own
 * constants against them without importing code from main.
 */
export type TokenHeaderName = 'x-countersign-token';
export type InvokePathPrefix = '/api/invoke/';
export type EventsPath = '/api/events';
/** The URL fragment key that carries the launch token to the page. */
export type TokenFragmentKey = 'token';
