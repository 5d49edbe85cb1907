"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "./use-messages";

type Result = { ok: boolean; error?: string; message?: string; details?: Record<string, unknown> };

export function SandboxPayButton({
  reference,
  status,
  amount,
  returnTo,
  action,
}: {
  reference: string;
  status: "pending" | "paid" | "expired";
  amount: string;
  returnTo: string;
  action: (reference: string) => Promise<Result>;
}) {
  const t = useTranslations("sandbox");
  const text = useErrorText();
  const [state, setState] = useState<"idle" | "paid" | "error">(status === "paid" ? "paid" : "idle");
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  if (status === "expired") return <p role="status">{t("expired")}</p>;
  return (
    <div className="space-y-3">
      {error ? <FormError message={error} /> : null}
      {state === "paid" ? (
        <p role="status" className="rounded-lg bg-emerald-100 px-3 py-2 text-sm font-semibold text-emerald-900">
          {status === "paid" ? t("alreadyPaid") : t("paid")}
        </p>
      ) : (
        <button
          type="button"
          disabled={pending}
          className={buttonClass("secondary", "w-full text-indigo-950")}
          onClick={() =>
            start(async () => {
              const result = await action(reference);
              if (result.ok) setState("paid");
              else {
                setState("error");
                setError(text.form(result.error, result.message, result.details));
              }
            })
          }
        >
          {pending ? t("paying") : t("pay", { amount })}
        </button>
      )}
      <Link href={returnTo} className="block text-center text-sm text-indigo-100 underline">
        {t("returnToLumbung")}
      </Link>
    </div>
  );
}
