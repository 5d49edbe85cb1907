import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentEditor } from "@/components/engagement/segments/segment-editor";
import { getRequestCtx } from "@/lib/auth/session";
import { listSegmentChoices } from "@/lib/engagement";
import { saveSegmentAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("segments");
  return { title: t("newTitle") };
}

export default async function NewSegmentPage() {
  const ctx = await getRequestCtx();
  const [t, choices] = await Promise.all([getTranslations("segments"), listSegmentChoices({ ctx })]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <SegmentEditor initial={{ name: "", description: "", rule: null }} segments={choices} save={saveSegmentAction} cancelHref="/admin/engagement/segments" />
    </div>
  );
}
