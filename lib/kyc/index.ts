import "server-only";
/** e-KYC for lenders (and, with the same machinery, KYB for borrowers). */
export * from "./schemas";
export { getMyKyc } from "./profile";
export { type KycView, type KycStepView, type FileView } from "./internal/profile";
export { saveKycStep } from "./save-step";
export { submitKyc } from "./submit";
export { listKycQueue, getKycForReview, approveKycStep, rejectKycStep, countKycWaiting, type KycReview } from "./review";
export { readKycFile } from "./files";
export { isKycApproved, assertKycApproved, KycRequired } from "./internal/gates";
