"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { GOLD_MIN_BUY, goldTradeFormError } from "@/lib/gold/rules";
import { formatRupiah } from "@/lib/money/format";
import { formatGrams, unitsToGramsString } from "@/lib/money/gold";
import { queryKeys } from "@/lib/query-keys";
import { Dialog } from "@/components/ui/dialog";
import { RupiahField } from "./rupiah-field";
import type { PreviewResult, QuoteResult, QuoteView, TradeInput, TradePreview, TradeResult } from "./types";

export type TradeActions = {
  quote: (input: { side: "buy" | "sell" }) => Promise<QuoteResult>;
  preview: (input: { side: "buy" | "sell"; pricePerGram: string; mode: "rupiah" | "grams"; amount: string }) => Promise<PreviewResult>;
  trade: (input: TradeInput) => Promise<TradeResult>;
};

/**
 * Buy or sell: choose rupiah or grams, type an amount, see the quoted price, what you get or pay and
 * what rounding kept, with the time the price stays valid. When it runs out the main button asks
 * for a new price instead of trading.
 */
export function TradeDialog({ side, availableUnits, actions, onClose }: { side: "buy" | "sell"; availableUnits: string; actions: TradeActions; onClose: () => void }) {
  const t = useTranslations("gold");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = useId();
  const held = BigInt(availableUnits);
  const [mode, setMode] = useState<"rupiah" | "grams">(side === "buy" ? "rupiah" : "grams");
  const [amount, setAmount] = useState("");
  const [quote, setQuote] = useState<QuoteView | null>(null);
  const [deadline, setDeadline] = useState(0);
  const [clock, setClock] = useState(() => Date.now());
  const [key, setKey] = useState("");
  // The preview and its error belong to one (quote, mode, amount); a stale one is simply not shown.
  const [checked, setChecked] = useState<{ key: string; preview?: TradePreview; error?: string }>({ key: "" });
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();

  const remaining = quote ? Math.max(0, Math.ceil((deadline - clock) / 1000)) : 0;
  const expired = quote !== null && remaining <= 0;
  const errorText = (code?: string, message?: string) => (code && t.has(`errors.${code}`) ? t(`errors.${code}`) : text.form(code, message));
  // The effects below read the translators through a ref: useErrorText returns a new object every
  // render, and depending on it would refetch the quote and the preview on every render.
  const textRef = useRef({ errorText, field: text.field });
  useEffect(() => {
    textRef.current = { errorText, field: text.field };
  });

  const applyQuote = (result: QuoteResult) => {
    if (result.ok && result.quote) {
      setQuote(result.quote);
      setDeadline(Date.now() + result.quote.validForMs);
      setClock(Date.now());
      setKey(crypto.randomUUID());
    } else setFormError(textRef.current.errorText(result.error, result.message));
  };

  // A price as soon as the dialog opens.
  useEffect(() => {
    let live = true;
    void actions.quote({ side }).then((result) => {
      if (live) applyQuote(result);
    });
    return () => {
      live = false;
    };
  }, [actions, side]);

  const getQuote = () => {
    setFormError(undefined);
    start(async () => applyQuote(await actions.quote({ side })));
  };

  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const local = goldTradeFormError(side, mode, amount, held);
  const normalized = mode === "grams" ? amount.replace(",", ".") : amount;
  const checkKey = quote ? `${quote.quoteId}|${mode}|${normalized}` : "";
  const preview = checked.key === checkKey ? checked.preview : undefined;
  const fieldError = checked.key === checkKey ? checked.error : undefined;
  useEffect(() => {
    if (!quote || !normalized.trim() || local) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await actions.preview({ side, pricePerGram: quote.pricePerGram, mode, amount: normalized });
      if (cancelled) return;
      const key = `${quote.quoteId}|${mode}|${normalized}`;
      if (result.ok && result.preview) setChecked({ key, preview: result.preview });
      else setChecked({ key, error: textRef.current.field(result.fields?.amount) ?? textRef.current.errorText(result.error, result.message) });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [actions, normalized, mode, quote, side, local]);

  const rp = (s: string) => formatRupiah(BigInt(s), locale);
  const g = (s: string) => formatGrams(BigInt(s), locale);

  const confirm = () => {
    if (!quote) return;
    if (expired) return getQuote();
    if (!preview) return;
    setFormError(undefined);
    start(async () => {
      const result = await actions.trade({ side, quoteId: quote.quoteId, mode, amount: normalized, idempotencyKey: key });
      if (result.ok && result.trade) {
        toast.success(t(side === "buy" ? "bought" : "sold", { grams: g(result.trade.units), amount: rp(result.trade.rupiah) }));
        await queryClient.invalidateQueries({ queryKey: queryKeys.wallet });
        router.refresh();
        onClose();
        return;
      }
      if (result.error === "quote_expired") setDeadline(0);
      if (result.fields?.amount) setChecked({ key: checkKey, error: text.field(result.fields.amount) });
      setFormError(errorText(result.error, result.message));
    });
  };

  const setHelper = (fraction: "all" | "half") => {
    setMode("grams");
    setAmount(unitsToGramsString(fraction === "all" ? held : held / 2n));
  };

  const title = t(side === "buy" ? "buyTitle" : "sellTitle");
  return (
    <Dialog open title={title} onClose={onClose}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <FormError message={formError} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("amountIn")}</legend>
          <div className="flex flex-wrap gap-4">
            {(["rupiah", "grams"] as const).map((m) => (
              <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${ids}-mode`}
                  value={m}
                  checked={mode === m}
                  onChange={() => {
                    setMode(m);
                    setAmount("");
                  }}
                  className="h-5 w-5"
                />
                {t(`mode.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {mode === "rupiah" ? (
          <RupiahField
            id={`${ids}-amount`}
            label={t(side === "buy" ? "amountToSpend" : "amountToReceive")}
            hint={side === "buy" ? t("minBuyHint", { min: rp(GOLD_MIN_BUY.toString()) }) : undefined}
            pays={side === "buy"}
            error={local ? t(`errors.${local}`, { min: rp(GOLD_MIN_BUY.toString()) }) : fieldError}
            value={amount}
            onChange={setAmount}
          />
        ) : (
          <TextField
            id={`${ids}-amount`}
            label={t(side === "buy" ? "gramsToBuy" : "gramsToSell")}
            hint={side === "sell" ? t("youHold", { grams: g(availableUnits) }) : t("gramsHint")}
            inputMode="decimal"
            autoComplete="off"
            error={local ? t(`errors.${local}`, { min: rp(GOLD_MIN_BUY.toString()) }) : fieldError}
            value={amount}
            onChange={(e) => setAmount(e.target.value.replace(/[^\d.,]/g, ""))}
          />
        )}
        {side === "sell" && held > 0n ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setHelper("half")}>
              {t("sellHalf")}
            </Button>
            <Button variant="secondary" onClick={() => setHelper("all")}>
              {t("sellAll")}
            </Button>
          </div>
        ) : null}

        <div className="space-y-1 rounded-lg bg-slate-50 p-3 text-sm" aria-live="polite">
          {quote ? (
            <>
              <p>
                {t(side === "buy" ? "quotedBuyPrice" : "quotedSellPrice")}: <strong>{t("perGram", { price: rp(quote.pricePerGram) })}</strong>
              </p>
              {preview ? (
                <>
                  <p>
                    {side === "buy"
                      ? t("youPayGet", { amount: rp(preview.rupiah), grams: g(preview.units) })
                      : t("youSellGet", { amount: rp(preview.rupiah), grams: g(preview.units) })}
                  </p>
                  {preview.rounded ? (
                    <p className="text-xs text-slate-600">{t(`rounding.${side}.${preview.roundedField}`)}</p>
                  ) : (
                    <p className="text-xs text-slate-600">{t("roundingNone")}</p>
                  )}
                </>
              ) : null}
            </>
          ) : (
            <p>{t("gettingPrice")}</p>
          )}
        </div>
        {quote ? (
          <p className={`text-sm font-medium ${expired ? "text-red-700" : "text-slate-700"}`} aria-live={expired ? "assertive" : "off"}>
            {expired ? t("priceExpired") : t("priceValidFor", { seconds: remaining })}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("cancel")}
          </Button>
          {expired ? (
            <Button type="submit" disabled={pending}>
              {t("getNewPrice")}
            </Button>
          ) : (
            <Button type="submit" disabled={pending || !quote || !preview || Boolean(local)}>
              {t(side === "buy" ? "confirmBuy" : "confirmSell")}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
