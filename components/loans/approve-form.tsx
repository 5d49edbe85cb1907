"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

/** Approve with the scored subgrade and rate, adjustable within the product's band and the caps. */
export function ApproveForm({
  applicationId,
  subgrades,
  initial,
  action,
}: {
  applicationId: string;
  subgrades: string[];
  initial: { subgrade: string; rateBps: string };
  action: (input: { applicationId: string; subgrade?: string; rateBps?: string }) => Promise<Result>;
}) {
  const t = useTranslations("adminLoans");
  const text = useErrorText();
  const router = useRouter();
  const [subgrade, setSubgrade] = useState(initial.subgrade);
  const [rateBps, setRateBps] = useState(initial.rateBps);
  const [error, setError] = useState<string>();
  const [violations, setViolations] = useState<string[]>([]);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await action({ applicationId, subgrade, rateBps });
          if (result.ok) {
            setError(undefined);
            setViolations([]);
            toast.success(t("approved"));
            router.refresh();
          } else {
            setError(text.form(result.error, result.message, result.details) ?? text.field(Object.values(result.fields ?? {})[0], result.details));
            setViolations(result.error === "cap_exceeded" ? text.violations(result.details) : []);
          }
        });
      }}
    >
      <div className="sm:col-span-3">
        <FormError message={error} items={violations} />
      </div>
      <SelectField id="approve-subgrade" label={t("subgrade")} value={subgrade} onChange={(e) => setSubgrade(e.target.value)} options={subgrades.map((s) => ({ value: s, label: s }))} />
      <TextField id="approve-rate" label={t("rateBps")} inputMode="decimal" value={rateBps} onChange={(e) => setRateBps(e.target.value.replace(/[^\d.,]/g, ""))} />
      <Button type="submit" disabled={pending}>
        {t("approve")}
      </Button>
    </form>
  );
}
