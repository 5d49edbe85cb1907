/** Sign-up, sign-in, sessions and account security, and the admin clock (lib/auth, lib/system). */
import { bool, enumOf, id, int, props, text } from "./kinds";
import { CLOCK_UNITS, LOCALES, ROLES } from "./enums";

const none = () => props({});

export const ACCOUNT_EVENTS = {
  user_signed_up: props({
    role: enumOf(ROLES),
    locale: enumOf(LOCALES),
    // The first-touch UTM (null when the visit had none; the seed leaves medium and campaign out).
    acquisitionSource: text().nullish(),
    acquisitionMedium: text().nullish(),
    acquisitionCampaign: text().nullish(),
    businessSector: text().optional(),
  }),
  user_signed_in: props({ role: enumOf(ROLES), secondFactor: bool() }),
  sign_in_failures_burst: props({ failuresInLastHour: int() }),
  user_signed_out: none(),
  user_locale_changed: props({ locale: enumOf(LOCALES) }),
  user_signed_out_everywhere: none(),
  user_password_changed: none(),
  user_reauthenticated: none(),
  user_suspended: props({ adminId: id() }),
  user_reactivated: props({ adminId: id() }),
  second_factor_enrolled: none(),
  second_factor_recovery_code_used: none(),
  second_factor_disabled: none(),
  second_factor_recovery_codes_regenerated: none(),
  clock_advanced: props({ amount: int(), unit: enumOf(CLOCK_UNITS), offsetMs: int() }),
} as const;
