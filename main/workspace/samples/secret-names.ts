/** Vault names the sample collections reference; the same in every environment. */
export const SAMPLE_SECRET_NAMES = {
  paynetClientSecret: 'paynet.client_secret',
  momoSubscriptionKey: 'momo.subscription_key',
  momoApiKey: 'momo.api_key',
  centagateSecretKey: 'centagate.secret_key',
  elecsnetControlKey: 'elecsnet.control_key',
  elecsnetPrivateKey: 'elecsnet.merchant_private_key',
} as const;

/** The environment the built-in sandbox's credentials are stored under in the vault. */
export const SANDBOX_ENVIRONMENT_NAME = 'Sandbox';
