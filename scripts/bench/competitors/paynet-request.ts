// The one request every tool repeats in the run-collection benchmark, as the PayNet OSP sample sends it:
// POST {{baseUrl}}/api/v1/reports with a bearer token from the client-credentials endpoint (form body),
// X-Timestamp (Unix seconds) and X-Signature = hex HMAC-SHA256(client secret, X-Timestamp).
export const REPORT_BODY = JSON.stringify({ reportType: 'settlement', dateFrom: '', dateTo: '', format: 'csv', sizeBytes: 8388608 }, null, 2);

/** Variables given to newman and bru on the command line (the sandbox's published test credentials). */
export type PaynetVariables = { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string };
