/**
 * Error codes the web client raises itself, beside the server's codes from `@treem/shared` errors.ts.
 * Kept free of imports so the i18n catalogue (imported by e2e tests under Node) can refer to it.
 */
export const clientErrorCodes = ['NETWORK_ERROR', 'BAD_RESPONSE', 'UNKNOWN_ERROR'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];
