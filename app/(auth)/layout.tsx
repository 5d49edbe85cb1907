import type { ReactNode } from "react";
import { PublicHeader } from "@/components/layout/public-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto w-full max-w-md px-4 py-8">
        {children}
      </main>
    </>
  );
}
