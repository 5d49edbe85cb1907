"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, SelectField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { formatDateTime, formatRupiah } from "@/lib/money/format";
import { GOLD_MIN_BUY } from "@/lib/gold/rules";
import { Dialog } from "@/components/ui/dialog";
import { RupiahField } from "./rupiah-field";
import type { ActionResult, PlanView } from "./types";

type PlanInput = { amount: string; frequency: "daily" | "weekly" | "monthly"; hour: number; dayOfWeek?: number; dayOfMonth?: number };
export type PlanActions = {
  create: (input: PlanInput) => Promise<ActionResult>;
  update: (input: PlanInput & { planId: string }) => Promise<ActionResult>;
  setActive: (input: { planId: string; active: boolean }) => Promise<ActionResult>;
  remove: (input: { planId: string }) => Promise<ActionResult>;
};

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS_OF_MONTH = Array.from({ length: 28 }, (_, d) => d + 1);

/**
 * Recurring buys: a form to add one, and the list with edit, pause/resume and delete. Editing reuses
 * the same form (filled with the plan); the server recomputes the next run from the new schedule.
 */
export function RecurringPlans({ plans, actions, canTrade }: { plans: PlanView[]; actions: PlanActions; canTrade: boolean }) {
  const t = useTranslations("gold");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const [amount, setAmount] = useState("");
  const [frequency, setFrequency] = useState<PlanInput["frequency"]>("monthly");
  const [hour, setHour] = useState(9);
  const [dayOfWeek, setDayOfWeek] = useState(1);
  const [dayOfMonth, setDayOfMonth] = useState(1);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [deleting, setDeleting] = useState<PlanView | null>(null);
  const [editing, setEditing] = useState<PlanView | null>(null);
  const [pending, start] = useTransition();
  const hourLabel = (h: number) => t("hourWib", { hour: String(h).padStart(2, "0") });
  const describe = (p: PlanView) =>
    t(`planSchedule.${p.frequency}`, { amount: formatRupiah(BigInt(p.amount), locale), hour: hourLabel(p.hour), weekday: t(`weekdays.${p.dayOfWeek ?? 1}`), day: p.dayOfMonth ?? 1 });
  const nextRun = (iso: string | null) => (iso ? formatDateTime(iso, locale) : "—");

  const run = (fn: () => Promise<ActionResult>, success: string, after?: () => void) =>
    start(async () => {
      setFormError(undefined);
      const result = await fn();
      if (result.ok) {
        toast.success(success);
        after?.();
        router.refresh();
      } else {
        setFields(result.fields ?? {});
        setFormError(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : text.form(result.error, result.message, result.details));
      }
    });

  const resetForm = () => {
    setEditing(null);
    setAmount("");
    setFields({});
    setFormError(undefined);
  };

  const startEdit = (p: PlanView) => {
    setEditing(p);
    setAmount(p.amount);
    setFrequency(p.frequency);
    setHour(p.hour);
    setDayOfWeek(p.dayOfWeek ?? 1);
    setDayOfMonth(p.dayOfMonth ?? 1);
    setFields({});
    setFormError(undefined);
    document.getElementById("plan-amount")?.focus();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFields({});
    if (!amount) return setFields({ amount: "required" });
    const input = { amount, frequency, hour, dayOfWeek: frequency === "weekly" ? dayOfWeek : undefined, dayOfMonth: frequency === "monthly" ? dayOfMonth : undefined };
    const plan = editing;
    if (plan) run(() => actions.update({ ...input, planId: plan.id }), t("planUpdated"), resetForm);
    else run(() => actions.create(input), t("planCreated"), () => setAmount(""));
  };

  return (
    <div className="space-y-4">
      {plans.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noPlans")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {plans.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0 space-y-0.5">
                <p className="font-medium">{describe(p)}</p>
                <p className="text-slate-600">
                  <Badge tone={p.active ? "success" : "neutral"}>{t(p.active ? "planActive" : "planPaused")}</Badge>{" "}
                  {p.active ? t("nextRun", { at: nextRun(p.nextRunAt) }) : null}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" disabled={pending} aria-label={t("editPlanNamed", { plan: describe(p) })} onClick={() => startEdit(p)}>
                  {t("edit")}
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={t(p.active ? "pausePlanNamed" : "resumePlanNamed", { plan: describe(p) })}
                  onClick={() => run(() => actions.setActive({ planId: p.id, active: !p.active }), t(p.active ? "planPausedToast" : "planResumedToast"))}
                >
                  {t(p.active ? "pause" : "resume")}
                </Button>
                <Button variant="danger" disabled={pending} aria-label={t("deletePlanNamed", { plan: describe(p) })} onClick={() => setDeleting(p)}>
                  {t("delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="space-y-3">
        <h3 className="text-sm font-semibold">{editing ? t("editPlanTitle", { plan: describe(editing) }) : t("newPlan")}</h3>
        <FormError message={formError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <RupiahField id="plan-amount" label={t("planAmount")} hint={t("minBuyHint", { min: formatRupiah(GOLD_MIN_BUY, locale) })} value={amount} onChange={setAmount} error={text.field(fields.amount)} />
          <SelectField
            id="plan-frequency"
            label={t("frequency")}
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as PlanInput["frequency"])}
            options={(["daily", "weekly", "monthly"] as const).map((f) => ({ value: f, label: t(`frequencies.${f}`) }))}
            error={text.field(fields.frequency)}
          />
          <SelectField id="plan-hour" label={t("hour")} value={String(hour)} onChange={(e) => setHour(Number(e.target.value))} options={HOURS.map((h) => ({ value: String(h), label: hourLabel(h) }))} error={text.field(fields.hour)} />
          {frequency === "weekly" ? (
            <SelectField
              id="plan-weekday"
              label={t("weekday")}
              value={String(dayOfWeek)}
              onChange={(e) => setDayOfWeek(Number(e.target.value))}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }))}
              error={text.field(fields.dayOfWeek)}
            />
          ) : null}
          {frequency === "monthly" ? (
            <SelectField
              id="plan-day"
              label={t("dayOfMonth")}
              value={String(dayOfMonth)}
              onChange={(e) => setDayOfMonth(Number(e.target.value))}
              options={DAYS_OF_MONTH.map((d) => ({ value: String(d), label: String(d) }))}
              error={text.field(fields.dayOfMonth)}
            />
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending || !canTrade}>
            {editing ? t("savePlan") : t("createPlan")}
          </Button>
          {editing ? (
            <Button variant="secondary" disabled={pending} onClick={resetForm}>
              {t("cancelEdit")}
            </Button>
          ) : null}
        </div>
      </form>
      <Dialog open={Boolean(deleting)} title={t("deletePlanTitle")} onClose={() => setDeleting(null)}>
        <p className="text-sm">{deleting ? t("deletePlanBody", { plan: describe(deleting) }) : null}</p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setDeleting(null)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              const plan = deleting;
              if (plan) run(() => actions.remove({ planId: plan.id }), t("planDeleted"), () => setDeleting(null));
            }}
          >
            {t("confirmDelete")}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
