"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/wallet/use-messages";

/**
 * Error text for auto-purchase forms: the feature's own keys (autoPurchase.validation / .errors)
 * first, then the app-wide ones, then the server's message.
 */
export function useAutoPurchaseErrorText() {
  const ta = useTranslations("autoPurchase");
  const app = useErrorText();
  return {
    field: (key?: string, details?: Record<string, unknown>) => {
      if (!key) return undefined;
      if (ta.has(`validation.${key}`)) return ta(`validation.${key}`);
      return app.field(key, details);
    },
    form: (code?: string, message?: string, details?: Record<string, unknown>) => {
      if (!code) return undefined;
      if (ta.has(`errors.${code}`)) return ta(`errors.${code}`);
      return app.form(code, message, details);
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
