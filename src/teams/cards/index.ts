// Adaptive Card builders for the taskforce channel: pure functions from domain data to card JSON.
export { buildSuccessCard, supplierBadges } from './successCard';
export type { SuccessCardInput } from './successCard';
export { buildUpdateCard, themeAmounts } from './updateCard';
export type { AtRiskCommitment, DeliveredOutcome, NewAward, ThemeAmounts, TopSuccess, UpdateCardInput, UpdateTotals } from './updateCard';
export { sanitizeCardText, truncateText, ELLIPSIS } from './sanitize';
export type { SanitizeOptions } from './sanitize';
export type { AdaptiveCardJson, CardElement } from './elements';
export { ADAPTIVE_CARD_SCHEMA, safeLinkUrl } from './elements';
export {
  CARD_MESSAGE_BUDGET_BYTES,
  CARD_SCHEMA_VERSION,
  MAX_MESSAGE_BYTES,
  compareCardVersions,
  estimateMessageBytes,
  utf8Bytes,
} from './limits';
export { checkPostableCard } from './postable';
export type { PostableCheck } from './postable';
