// The scheme lives in schemes/hmac-fields.ts; this path stays for the diagnosis' and tests' imports.
export {
  CENTAGATE_CODE_SAMPLE_ORDER,
  CENTAGATE_PARAMETER_TABLE_ORDER,
  centagateOrderOf,
  centagatePreset,
  signHmacFields,
  type CentagateOrder,
} from './schemes/hmac-fields.ts';
