import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SegmentEditor } from "@/components/engagement/segments/segment-editor";
import { getRequestCtx } from "@/lib/auth/session";
import { getSegment, listSegmentChoices } from "@/lib/engagement";
import { NotFound } from "@/lib/errors";
import { saveSegmentAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("segments");
  return { title: t("title") };
}

export default async function EditSegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const segment = await getSegment({ ctx, input: { segmentId: id } }).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  if (segment.status === "archived") notFound();
  const [t, choices] = await Promise.all([getTranslations("segments"), listSegmentChoices({ ctx })]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("editTitle", { name: segment.name })}</h1>
      <SegmentEditor
        initial={{ segmentId: segment.id, version: segment.version, name: segment.name, description: segment.description, rule: segment.rule }}
        segments={choices}
        save={saveSegmentAction}
        cancelHref={`/admin/engagement/segments/${segment.id}`}
      />
    </div>
  );
}
