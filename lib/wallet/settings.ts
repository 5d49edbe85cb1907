import "server-only";
import { recordAdminDecision } from "@/lib/audit";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { writeSetting } from "@/lib/system";
import { WalletSettingsInput } from "./schemas";
import { readWalletSettings, WITHDRAWAL_FEE_KEY, AUTO_APPROVE_BELOW_KEY, type WalletSettings } from "./internal/settings";

export async function getWalletSettings({ ctx }: { ctx: Ctx }): Promise<WalletSettings> {
  requireRole(ctx, "admin");
  return readWalletSettings(dbOf(ctx));
}

export async function updateWalletSettings({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<WalletSettings> {
  requireRole(ctx, "admin");
  const data = parseInput(WalletSettingsInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await readWalletSettings(tx);
    await writeSetting(tx, WITHDRAWAL_FEE_KEY, data.withdrawalFee.toString());
    await writeSetting(tx, AUTO_APPROVE_BELOW_KEY, data.autoApproveBelow.toString());
    await recordAdminDecision(tx, ctx, {
      action: "wallet.settings_changed",
      subject: { type: "settings", id: "wallet" },
      before: { withdrawalFee: before.withdrawalFee, autoApproveBelow: before.autoApproveBelow },
      after: { withdrawalFee: data.withdrawalFee, autoApproveBelow: data.autoApproveBelow },
    });
    return { withdrawalFee: data.withdrawalFee, autoApproveBelow: data.autoApproveBelow };
  });
}
