"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; url?: string; error?: string; message?: string; details?: Record<string, unknown> };

/** Creates a VA or QRIS payment request for what is due and shows a shareable link. */
export function PaymentLinkButton({ action }: { action: (method: "va" | "qris") => Promise<Result> }) {
  const t = useTranslations("loans");
  const tw = useTranslations("wallet");
  const text = useErrorText();
  const [url, setUrl] = useState<string>();
  const [qr, setQr] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const create = (method: "va" | "qris") =>
    start(async () => {
      const result = await action(method);
      if (result.ok && result.url) {
        setUrl(result.url);
        setQr(await QRCode.toDataURL(result.url, { margin: 1, width: 200 }));
        setError(undefined);
      } else setError(text.form(result.error, result.message, result.details));
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => create("va")}>
          {t("createLink")} · {tw("methodVa")}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => create("qris")}>
          {t("createLink")} · {tw("methodQris")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {url ? (
        <p className="break-all text-sm">
          <a href={url} className={buttonClass("ghost", "px-0")}>
            {t("openLink")}
          </a>{" "}
          <code>{url}</code>
        </p>
      ) : null}
      {qr ? (
        // eslint-disable-next-line @next/next/no-img-element -- a generated data URL
        <img src={qr} alt={t("linkQr")} width={200} height={200} className="rounded-lg ring-1 ring-slate-200" />
      ) : null}
    </div>
  );
}
