import { getTranslations } from "next-intl/server";
import { LoadingBlock } from "@/components/ui/loading";

export default async function Loading() {
  const t = await getTranslations("common");
  return <LoadingBlock label={t("loading")} />;
}
