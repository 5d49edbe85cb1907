import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/layout/public-header";
import { LEGAL_PAGES, SiteFooter, type LegalPage } from "@/components/layout/site-footer";
import { getRequestCtx } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/auth/sign-in";

/** Paragraph keys per page, in order (messages "legal.<page>.<key>", both languages). */
const PARAGRAPHS: Record<LegalPage, readonly string[]> = {
  terms: ["p1", "p2", "p3", "p4"],
  privacy: ["p1", "p2", "p3", "p4"],
  risk: ["p1", "p2", "p3", "p4", "p5"],
  contact: ["p1", "p2", "p3"],
};

const isLegalPage = (v: string): v is LegalPage => (LEGAL_PAGES as readonly string[]).includes(v);

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const { page } = await params;
  if (!isLegalPage(page)) return {};
  const t = await getTranslations("legal");
  return { title: t(`${page}.title`) };
}

export default async function LegalPageView({ params }: { params: Promise<{ page: string }> }) {
  const { page } = await params;
  if (!isLegalPage(page)) notFound();
  const [t, ctx] = await Promise.all([getTranslations("legal"), getRequestCtx()]);
  const home = ctx.actor.type === "user" ? ROLE_HOME[ctx.actor.role] : undefined;
  return (
    <>
      <PublicHeader signedInHome={home} />
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-10">
        <Link href="/" className="text-sm text-brand-700 underline">
          {t("backHome")}
        </Link>
        <h1 className="text-2xl font-bold">{t(`${page}.title`)}</h1>
        <p className="text-sm text-slate-600">{t("updated")}</p>
        {PARAGRAPHS[page].map((key) => (
          <p key={key} className="leading-relaxed text-slate-800">
            {t(`${page}.${key}`)}
          </p>
        ))}
      </main>
      <SiteFooter />
    </>
  );
}
