/**
 * Request-to-pay transactions: PENDING on creation, settled after a delay to
 * an outcome chosen by the payer's number (documented in docs/sandbox.md),
 * then reported by PUT to the callback URL when one was given.
 */
import { randomHex } from '../ids.ts';
import { putCallback, type CallbackResult } from './callback.ts';

export type PaymentStatus = 'PENDING' | 'SUCCESSFUL' | 'FAILED' | 'REJECTED' | 'TIMEOUT';

export type PaymentRequest = {
  amount: string;
  currency: string;
  externalId: string;
  payer: { partyIdType: string; partyId: string };
  payerMessage?: string | undefined;
  payeeNote?: string | undefined;
};

export type Payment = PaymentRequest & {
  referenceId: string;
  apiUser: string;
  status: PaymentStatus;
  reason?: string;
  financialTransactionId?: string;
  callbackUrl?: URL;
  callback?: CallbackResult;
};

/** Magic payer numbers, in the spirit of MTN's own sandbox. */
const OUTCOMES: Record<string, { status: PaymentStatus; reason?: string }> = {
  '46733123450': { status: 'FAILED', reason: 'INTERNAL_PROCESSING_ERROR' },
  '46733123451': { status: 'REJECTED', reason: 'APPROVAL_REJECTED' },
  '46733123452': { status: 'TIMEOUT', reason: 'EXPIRED' },
  '46733123453': { status: 'PENDING' },
};

export type Payments = {
  create: (referenceId: string, apiUser: string, request: PaymentRequest, callbackUrl: URL | undefined) => boolean;
  get: (referenceId: string) => Payment | undefined;
  /** A payment that already succeeded, so "Request to pay status" works before any request to pay. */
  seedSettled: (referenceId: string, apiUser: string) => void;
  stop: () => void;
};

export function publicView(payment: Payment): Record<string, unknown> {
  return {
    ...(payment.financialTransactionId === undefined ? {} : { financialTransactionId: payment.financialTransactionId }),
    externalId: payment.externalId,
    amount: payment.amount,
    currency: payment.currency,
    payer: payment.payer,
    ...(payment.payerMessage === undefined ? {} : { payerMessage: payment.payerMessage }),
    ...(payment.payeeNote === undefined ? {} : { payeeNote: payment.payeeNote }),
    status: payment.status,
    ...(payment.reason === undefined ? {} : { reason: payment.reason }),
  };
}

export function createPayments(options: {
  settleDelayMs: number;
  randomBytes: (size: number) => Buffer;
  log: (line: string) => void;
}): Payments {
  const payments = new Map<string, Payment>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const settle = async (payment: Payment) => {
    const outcome = OUTCOMES[payment.payer.partyId] ?? { status: 'SUCCESSFUL' };
    if (outcome.status === 'PENDING') return;
    payment.status = outcome.status;
    if (outcome.reason !== undefined) payment.reason = outcome.reason;
    if (outcome.status === 'SUCCESSFUL') payment.financialTransactionId = String(BigInt(`0x${randomHex(options.randomBytes, 4)}`));
    if (!payment.callbackUrl || stopped) return;
    payment.callback = await putCallback(payment.callbackUrl, publicView(payment));
    options.log(`momo: callback for ${payment.referenceId} -> ${payment.callback.ok ? `HTTP ${payment.callback.status}` : payment.callback.error}`);
  };

  return {
    create(referenceId, apiUser, request, callbackUrl) {
      if (payments.has(referenceId.toLowerCase())) return false;
      const payment: Payment = { ...request, referenceId, apiUser, status: 'PENDING', ...(callbackUrl ? { callbackUrl } : {}) };
      payments.set(referenceId.toLowerCase(), payment);
      const timer = setTimeout(() => {
        timers.delete(timer);
        void settle(payment);
      }, options.settleDelayMs);
      timers.add(timer);
      return true;
    },
    get: (referenceId) => payments.get(referenceId.toLowerCase()),
    seedSettled(referenceId, apiUser) {
      payments.set(referenceId.toLowerCase(), {
        referenceId,
        apiUser,
        amount: '5.00',
        currency: 'EUR',
        externalId: 'sandbox-sample-payment',
        payer: { partyIdType: 'MSISDN', partyId: '46733123460' },
        status: 'SUCCESSFUL',
        financialTransactionId: '1234567890',
      });
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
