import type { ContractForm } from '../../scenario/types.js';

/** A plan's contract form as the hot loop switches on it (a number, not a string). */
export const FormKind = { Flat: 0, Bundle: 1, Hourly: 2, PerRequest: 3 } as const;
export type FormKind = (typeof FormKind)[keyof typeof FormKind];

const KINDS: Record<ContractForm, FormKind> = { flat: FormKind.Flat, bundle: FormKind.Bundle, hourly: FormKind.Hourly, per_request: FormKind.PerRequest };

export function formKind(form: ContractForm): FormKind {
  return KINDS[form];
}
