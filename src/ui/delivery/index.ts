// The delivery screens, for the lead to mount: DeliverySection on a procurement's page; the
// VerificationQueue and ChaseList as hub screens.
export { DeliverySection } from './DeliverySection';
export type { DeliverySectionProps } from './DeliverySection';
export { VerificationQueue } from './VerificationQueue';
export type { VerificationQueueProps } from './VerificationQueue';
export { ChaseList } from './ChaseList';
export type { ChaseListProps } from './ChaseList';
