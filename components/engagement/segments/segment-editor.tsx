"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SegmentDescription, SegmentName } from "@/lib/engagement/rules";
import { validateRule } from "@/lib/engagement/rules";
import { PreviewPanel } from "./preview-panel";
import { RuleBuilder } from "./rule-builder";
import { emptyRule, issuesFromFields, toRule, withKeys, type Group, type Issue } from "./rule-model";

export type SaveSegmentInput = { segmentId?: string; expectedVersion?: number; name: string; description: string; rule: unknown };
export type SaveSegmentResult = { ok: true; id: string } | { ok: false; code: string; fields?: Record<string, string> };

/**
 * Creating or editing a segment: name, description, the rule builder, and beside it the live preview.
 * The rule is checked on every change with validateRule (the server's own check), each message shown
 * next to the part it is about; only a complete rule is previewed or can be saved.
 */
export function SegmentEditor({
  initial,
  segments,
  save,
  cancelHref,
}: {
  initial: { segmentId?: string; version?: number; name: string; description: string; rule: unknown | null };
  segments: { id: string; name: string }[];
  save: (input: SaveSegmentInput) => Promise<SaveSegmentResult>;
  cancelHref: string;
}) {
  const t = useTranslations("segments");
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [tree, setTree] = useState<Group>(() => (initial.rule ? (withKeys(initial.rule) as Group) : emptyRule()));
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const rule = useMemo(() => toRule(tree), [tree]);
  const checked = useMemo(() => validateRule(rule), [rule]);
  const issues = useMemo(() => [...(checked.ok ? [] : checked.issues), ...serverIssues], [checked, serverIssues]);
  const choices = segments.filter((s) => s.id !== initial.segmentId);

  const onTree = (next: Group) => {
    setTree(next);
    setServerIssues([]);
  };
  const message = (key: string | undefined) => (key ? (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid")) : undefined);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const n = SegmentName.safeParse(name);
    if (!n.success) errors.name = n.error.issues[0]!.message;
    const d = SegmentDescription.safeParse(description);
    if (!d.success) errors.description = d.error.issues[0]!.message;
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !checked.ok) {
      setFormError(t("editor.saveFailed"));
      return;
    }
    setFormError(null);
    startTransition(async () => {
      const result = await save({ segmentId: initial.segmentId, expectedVersion: initial.version, name, description, rule });
      if (result.ok) {
        router.push(`/admin/engagement/segments/${result.id}`);
        router.refresh();
        return;
      }
      setServerIssues(issuesFromFields(result.fields));
      setFieldErrors(Object.fromEntries(Object.entries(result.fields ?? {}).filter(([k]) => k === "name" || k === "description")));
      setFormError(result.code === "segment_version_conflict" ? t("editor.conflict") : t("editor.saveFailed"));
    });
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-4">
        <TextField id="segment-name" label={t("editor.name")} value={name} onChange={(e) => setName(e.target.value)} error={message(fieldErrors.name)} maxLength={200} required />
        <TextAreaField id="segment-description" label={t("editor.description")} value={description} onChange={(e) => setDescription(e.target.value)} error={message(fieldErrors.description)} rows={2} />
        <section aria-labelledby="segment-rule-title" className="space-y-2">
          <h2 id="segment-rule-title" className="text-base font-semibold">
            {t("editor.ruleTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("editor.ruleHint")}</p>
          <RuleBuilder value={tree} onChange={onTree} issues={issues} segments={choices} />
        </section>
        {formError ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formError}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("editor.saving") : t("editor.save")}
          </Button>
          <Link href={cancelHref} className={buttonClass("secondary")}>
            {t("editor.cancel")}
          </Link>
        </div>
      </div>
      <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <PreviewPanel rule={checked.ok && serverIssues.length === 0 ? rule : null} />
      </div>
    </form>
  );
}
