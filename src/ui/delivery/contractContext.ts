import type { CommitmentWithProgress } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import type { IsoDate, Measure, OutcomeLog, Procurement } from '../../domain';
import type { CurrentUser } from '../services';

/** What every panel about one contract in delivery works from: its commitments, logs and the library. */
export interface ContractContext {
  data: HubData;
  user: CurrentUser;
  procurement: Procurement;
  commitments: readonly Stored<CommitmentWithProgress>[];
  logs: readonly OutcomeLog[];
  library: readonly Measure[];
  asOf: IsoDate;
}
