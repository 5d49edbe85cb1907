import { TopUpScreen } from "@/app/_wallet/top-up-screen";

export default async function TopUpPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TopUpScreen area="borrower" id={id} />;
}
