"use client";

import { useTranslations } from "next-intl";

/**
 * Error text for auto-purchase forms: the feature's own keys (autoPurchase.validation / .errors)
 * first, then the app-wide ones, then the server's message.
 */
export function useAutoPurchaseErrorText() {
  const ta = useTranslations("autoPurchase");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  return {
    field: (key?: string) => {
      if (!key) return undefined;
      if (ta.has(`validation.${key}`)) return ta(`validation.${key}`);
      return tv.has(key) ? tv(key) : key;
    },
    form: (code?: string, message?: string) => {
      if (!code) return undefined;
      if (ta.has(`errors.${code}`)) return ta(`errors.${code}`);
      return te.has(code) ? te(code) : (message ?? te("unexpected"));
    },
  };
}

/** The form's values: everything a lender types is a string until the schema parses it. */
export type StrategyFormState = {
  name: string;
  productCodes: string[];
  subgrades: string[];
  minTenorMonths: string;
  maxTenorMonths: string;
  minRateBps: string;
  sectors: string[];
  methods: string[];
  amountPerLoan: string;
  budget: string;
  maxPerBorrower: string;
  cashReserve: string;
  reinvest: boolean;
};

export const EMPTY_STRATEGY: StrategyFormState = {
  name: "",
  productCodes: [],
  subgrades: [],
  minTenorMonths: "",
  maxTenorMonths: "",
  minRateBps: "",
  sectors: [],
  methods: [],
  amountPerLoan: "",
  budget: "",
  maxPerBorrower: "",
  cashReserve: "0",
  reinvest: true,
};

/** A product as the form shows it (bigints as strings across the server/client boundary). */
export type ProductOption = { code: string; name: string; minInvestment: string; investmentStep: string };
