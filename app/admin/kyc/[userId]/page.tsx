import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KycStepDecision } from "@/components/admin/kyc-step-decision";
import { StepValues } from "@/components/kyc/step-values";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { NotFound } from "@/lib/errors";
import { getKycForReview } from "@/lib/kyc";
import { approveKycStepAction, rejectKycStepAction } from "../../kyc-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminKyc");
  return { title: t("queueTitle") };
}

/** The two photos an admin compares: shown side by side in one card. */
const FACE_MATCH: readonly string[] = ["selfie", "ktp_photo"];

const tone = { pending: "neutral", completed: "info", approved: "success", rejected: "danger" } as const;

export default async function KycReviewPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const ctx = await getRequestCtx();
  const [t, tk] = await Promise.all([getTranslations("adminKyc"), getTranslations("kyc")]);
  const review = await getKycForReview({ ctx, input: { userId } }).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const reviewable = review.status === "submitted";
  type Step = (typeof review.steps)[number];
  // Only a step waiting for a decision offers Approve / Reject; an approved or rejected one shows its outcome.
  const decidable = (s: Step) => reviewable && s.status === "completed";
  const stepBody = (s: Step, twoColumns: boolean) => {
    const stepName = tk(`steps.${s.step}`);
    return (
      <>
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <Badge tone={tone[s.status]}>{tk(`stepStatus.${s.status}`)}</Badge>
          {s.reason ? <span className="text-sm text-red-800">{tk("reason", { reason: s.reason })}</span> : null}
        </div>
        <div className={twoColumns ? "grid gap-4 md:grid-cols-2" : "space-y-4"}>
          {twoColumns || s.files.length === 0 ? (
            <section aria-label={`${t("data")}: ${stepName}`}>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("data")}</h3>
              <StepValues data={{ ...s, files: [] }} />
            </section>
          ) : null}
          <section aria-label={`${t("files")}: ${stepName}`}>
            {twoColumns ? <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("files")}</h3> : null}
            {s.files.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noFiles")}</p>
            ) : (
              <ul className="space-y-3">
                {s.files.map((f) => (
                  <li key={f.field} className="space-y-1">
                    {f.mime.startsWith("image/") ? (
                      // eslint-disable-next-line @next/next/no-img-element -- private files streamed by an authorized route, not optimizable
                      <img
                        src={f.url}
                        alt={t("image", { name: review.user.fullName, step: tk(f.field as never) })}
                        className="max-h-80 w-full rounded-lg object-contain ring-1 ring-slate-200"
                      />
                    ) : null}
                    <a className="text-sm text-brand-700 underline" href={f.url} target="_blank" rel="noreferrer">
                      {tk("viewFile", { name: tk(f.field as never) })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        {decidable(s) ? (
          <div className="mt-4">
            <KycStepDecision
              userId={review.user.id}
              step={s.step}
              label={{ step: stepName, name: review.user.fullName }}
              approve={approveKycStepAction}
              reject={rejectKycStepAction}
            />
          </div>
        ) : null}
      </>
    );
  };
  const photos = review.steps.filter((s) => FACE_MATCH.includes(s.step));
  const groups: Step[][] = [];
  for (const s of review.steps) {
    if (FACE_MATCH.includes(s.step)) {
      if (s === photos[0]) groups.push(photos.length === 2 ? photos : [s]);
      else if (photos.length !== 2) groups.push([s]);
    } else groups.push([s]);
  }
  return (
    <div className="space-y-6">
      <Link href="/admin/kyc" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("reviewTitle", { name: review.user.fullName })}</h1>
        <Badge tone={review.status === "approved" ? "success" : review.status === "rejected" ? "danger" : "warning"}>{tk(`status.${review.status}`)}</Badge>
      </div>
      <p className="text-sm text-slate-700">
        {t("email")}: {review.user.email} · {t("role")}: {review.user.role} · {t("version", { version: review.version })}
      </p>
      {!reviewable ? <p className="text-sm text-slate-700">{t("notReviewable")}</p> : null}
      {groups.map((group) =>
        group.length === 1 ? (
          <Card key={group[0]!.step} title={tk(`steps.${group[0]!.step}`)}>
            {stepBody(group[0]!, true)}
          </Card>
        ) : (
          // Selfie and ID photo side by side, so the face can be compared at a glance (stacked on a phone).
          <Card key={group.map((s) => s.step).join("+")} title={t("faceMatchTitle")}>
            <p className="mb-3 text-sm text-slate-700">{t("faceMatchHint")}</p>
            <div className="grid gap-6 sm:grid-cols-2" data-testid="face-match">
              {group.map((s) => (
                <section key={s.step} aria-labelledby={`step-${s.step}`} className="min-w-0">
                  <h3 id={`step-${s.step}`} className="mb-2 text-base font-semibold text-slate-900">
                    {tk(`steps.${s.step}`)}
                  </h3>
                  {stepBody(s, false)}
                </section>
              ))}
            </div>
          </Card>
        ),
      )}
    </div>
  );
}
