"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PoaDialog } from "./poa-dialog";
import { StatusPanel, type StatusJson } from "./status-panel";
import { StrategyCard, type StrategyRowJson } from "./strategy-card";
import { useAutoPurchaseErrorText } from "./use-ap-text";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };
export type BoardActions = {
  setActive: (strategyId: string, active: boolean) => Promise<Result>;
  reorder: (orderedIds: string[]) => Promise<Result>;
  archive: (strategyId: string) => Promise<Result>;
  acceptPoa: (version: number) => Promise<Result>;
};

/**
 * The auto-purchase page's interactive part: the gates, the priority list with switches, and the
 * power-of-attorney dialog. Turning a strategy on without the current power of attorney opens the
 * dialog first; accepting it then turns the strategy on.
 */
export function StrategyBoard({ status, strategies, actions }: { status: StatusJson; strategies: StrategyRowJson[]; actions: BoardActions }) {
  const t = useTranslations("autoPurchase");
  const text = useAutoPurchaseErrorText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [poaFor, setPoaFor] = useState<{ strategyId?: string } | null>(null);
  const [poaError, setPoaError] = useState<string>();
  const [deleting, setDeleting] = useState<StrategyRowJson | null>(null);

  const fail = (r: Result) => toast.error(text.form(r.error, r.message, r.details) ?? Object.values(r.fields ?? {}).map((k) => text.field(k)).join(" "));

  const toggle = (s: StrategyRowJson, active: boolean) =>
    start(async () => {
      if (active && !status.poaCurrent && status.kycApproved && status.riskCheckPassed) {
        setPoaError(undefined);
        setPoaFor({ strategyId: s.id });
        return;
      }
      const r = await actions.setActive(s.id, active);
      if (r.ok) {
        toast.success(active ? t("list.turnedOn", { name: s.name }) : t("list.turnedOff", { name: s.name }));
        router.refresh();
      } else if (r.error === "poa_required") {
        setPoaError(undefined);
        setPoaFor({ strategyId: s.id });
      } else fail(r);
    });

  const acceptPoa = () =>
    start(async () => {
      const r = await actions.acceptPoa(status.currentPoaVersion);
      if (!r.ok) {
        setPoaError(text.form(r.error, r.message, r.details) ?? Object.values(r.fields ?? {}).map((k) => text.field(k)).join(" "));
        return;
      }
      toast.success(t("poa.accepted"));
      const strategyId = poaFor?.strategyId;
      setPoaFor(null);
      if (strategyId) {
        const s = strategies.find((x) => x.id === strategyId);
        const on = await actions.setActive(strategyId, true);
        if (on.ok) toast.success(t("list.turnedOn", { name: s?.name ?? "" }));
        else fail(on);
      }
      router.refresh();
    });

  const move = (index: number, delta: -1 | 1) =>
    start(async () => {
      const ids = strategies.map((s) => s.id);
      const j = index + delta;
      if (j < 0 || j >= ids.length) return;
      [ids[index], ids[j]] = [ids[j]!, ids[index]!];
      const r = await actions.reorder(ids);
      if (r.ok) toast.success(t("list.reordered"));
      else fail(r);
      router.refresh();
    });

  const remove = () =>
    start(async () => {
      if (!deleting) return;
      const r = await actions.archive(deleting.id);
      setDeleting(null);
      if (r.ok) toast.success(t("list.deleted"));
      else fail(r);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <StatusPanel status={status} onReadPoa={() => { setPoaError(undefined); setPoaFor({}); }} />
      <section aria-labelledby="ap-list-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ap-list-title" className="text-lg font-semibold">
            {t("list.title")}
          </h2>
          <Link href="/lender/auto-purchase/new" className={buttonClass("primary")}>
            {t("newStrategy")}
          </Link>
        </div>
        {strategies.length === 0 ? (
          <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h3 className="font-semibold">{t("emptyTitle")}</h3>
            <p className="mt-1 text-sm text-slate-700">{t("emptyBody")}</p>
          </div>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("list.priorityHelp")}</p>
            <ol className="space-y-3" aria-labelledby="ap-list-title">
              {strategies.map((s, i) => (
                <StrategyCard key={s.id} s={s} index={i} count={strategies.length} pending={pending} onToggle={(on) => toggle(s, on)} onMove={(d) => move(i, d)} onDelete={() => setDeleting(s)} />
              ))}
            </ol>
          </>
        )}
      </section>
      <PoaDialog open={poaFor !== null} version={status.currentPoaVersion} pending={pending} error={poaError} onAccept={acceptPoa} onCancel={() => setPoaFor(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t("list.deleteTitle")}
        confirmLabel={t("list.deleteConfirm")}
        cancelLabel={t("list.cancel")}
        pending={pending}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        {deleting ? t("list.deleteBody", { name: deleting.name }) : null}
      </ConfirmDialog>
    </div>
  );
}
