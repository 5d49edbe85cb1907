import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "neutral" | "success" | "warning" | "danger" | "info"> = {
  draft: "neutral", submitted: "info", in_review: "info", needs_info: "warning", approved: "success", rejected: "danger", declined: "danger",
  funding: "info", funded: "success", cancelled: "neutral", active: "success", late: "warning", default: "danger", repaid: "success",
  written_off: "danger", restructured: "warning", paid: "success", due: "warning", upcoming: "neutral", partial: "warning", overdue: "danger",
};

export async function LoanStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("loans");
  return <Badge tone={TONES[status] ?? "neutral"}>{t.has(`status.${status}`) ? t(`status.${status}`) : status}</Badge>;
}
