"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; message?: string; fields?: Record<string, string>; details?: Record<string, unknown> };

/** A labelled text area and a submit button (answers, questions, rejection reasons). */
export function TextActionForm({
  label,
  submitLabel,
  successMessage,
  field,
  action,
  variant = "primary",
}: {
  label: string;
  submitLabel: string;
  successMessage: string;
  /** The input field's name in the verb's schema, to show its field error. */
  field: string;
  action: (text: string) => Promise<Result>;
  variant?: "primary" | "secondary" | "danger";
}) {
  const id = useId();
  const text = useErrorText();
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await action(value);
          if (result.ok) {
            setError(undefined);
            setValue("");
            toast.success(successMessage);
            router.refresh();
          } else setError(text.field(result.fields?.[field]) ?? text.form(result.error, result.message, result.details));
        });
      }}
    >
      <TextAreaField id={id} label={label} value={value} onChange={(e) => setValue(e.target.value)} error={error} />
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
