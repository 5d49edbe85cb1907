"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };
type Uploaded = { id: string; kind: string; fileName: string };

const KINDS = ["bank_statement", "business_licence", "id"] as const;

function UploadRow({
  kind,
  applicationId,
  uploaded,
  upload,
}: {
  kind: (typeof KINDS)[number];
  applicationId: string;
  uploaded: Uploaded[];
  upload: (form: FormData) => Promise<Result>;
}) {
  const t = useTranslations("apply");
  const text = useErrorText();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t(`documents.${kind}`)}
      </label>
      <input ref={input} id={id} type="file" accept="application/pdf,image/jpeg,image/png" aria-describedby={`${id}-hint`} className="block w-full text-sm" />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("documents.hint")}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={t("documents.uploadKind", { kind: t(`documents.${kind}`) })}
        onClick={() =>
          start(async () => {
            const file = input.current?.files?.[0];
            if (!file) return setError(t("documents.chooseFile"));
            const form = new FormData();
            form.set("applicationId", applicationId);
            form.set("kind", kind);
            form.set("file", file);
            const result = await upload(form);
            if (result.ok) {
              setError(undefined);
              if (input.current) input.current.value = "";
              toast.success(t("documents.uploaded"));
              router.refresh();
            } else setError(text.field(result.fields?.file ?? result.fields?.[kind]) ?? text.form(result.error, result.message, result.details)); // the server keys a refused file by its kind
          })
        }
      >
        {pending ? t("documents.uploading") : t("documents.upload")}
      </Button>
      {uploaded.length > 0 ? (
        <ul className="text-sm text-slate-700">
          {uploaded.map((u) => (
            <li key={u.id}>✓ {u.fileName}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function DocumentsStep({
  applicationId,
  documents,
  upload,
  complete,
  nextHref,
}: {
  applicationId: string;
  documents: Uploaded[];
  upload: (form: FormData) => Promise<Result>;
  complete: (input: { applicationId: string; step: "documents"; data: Record<string, never> }) => Promise<Result>;
  nextHref: string;
}) {
  const t = useTranslations("apply");
  const text = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <FormError message={formError} />
      {KINDS.map((kind) => (
        <UploadRow key={kind} kind={kind} applicationId={applicationId} uploaded={documents.filter((d) => d.kind === kind)} upload={upload} />
      ))}
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await complete({ applicationId, step: "documents", data: {} });
            if (result.ok) {
              router.push(nextHref);
              router.refresh();
            } else setFormError(text.field(Object.values(result.fields ?? {})[0], result.details) ?? text.form(result.error, result.message, result.details));
          })
        }
      >
        {t("saveAndContinue")}
      </Button>
    </div>
  );
}
