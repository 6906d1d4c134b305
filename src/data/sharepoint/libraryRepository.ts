// Reference data administrators keep: the measure library, threshold tables and settings. Small lists,
// read whole (ordered by an indexed key) and saved by their unique key.
import type { SPFI } from '@pnp/sp';
import { validateMeasure } from '../../domain';
import type { Measure, ThresholdRow } from '../../domain';
import { ValidationError } from '../errors';
import type { MeasureRepository, SettingsRepository, Stored, ThresholdRepository } from '../ports';
import { MEASURES_LIST, SETTINGS_LIST, THRESHOLDS_LIST } from '../schema/lists';
import { ListGateway } from './listGateway';
import {
  MEASURE_FIELDS,
  measureFromItem,
  measureToItem,
  stored,
  THRESHOLD_FIELDS,
  thresholdFromItem,
  thresholdKey,
  thresholdToItem,
} from './mapping';

export class SharePointMeasureRepository implements MeasureRepository {
  private readonly items: ListGateway<typeof MEASURES_LIST>;

  public constructor(sp: SPFI) {
    this.items = new ListGateway(sp, MEASURES_LIST, MEASURE_FIELDS);
  }

  public async list(options: { activeOnly?: boolean } = {}): Promise<Stored<Measure>[]> {
    const items = await this.items.all({ filter: options.activeOnly ? 'Active eq 1' : undefined, orderBy: [['Code', true]] }, 'The measure library');
    return items.map(measureFromItem);
  }

  public async getByCode(code: string): Promise<Stored<Measure> | undefined> {
    const item = await this.items.findByKey('Code', code, `Measure ${code}`);
    return item ? measureFromItem(item) : undefined;
  }

  public async save(measure: Measure): Promise<Stored<Measure>> {
    const problems = validateMeasure(measure);
    if (problems.length > 0) throw new ValidationError(problems, MEASURES_LIST.title);
    const what = `Measure ${measure.code}`;
    const body = measureToItem(measure);
    const existing = await this.items.findByKey('Code', measure.code, what);
    if (existing) {
      const { etag } = await this.items.update(existing.Id, existing['odata.etag'] || '*', body, what);
      return { ...measure, id: existing.Id, etag };
    }
    const created = await this.items.add(body, what);
    return stored(measure, { Id: created.Id, 'odata.etag': created.etag });
  }
}

export class SharePointThresholdRepository implements ThresholdRepository {
  private readonly items: ListGateway<typeof THRESHOLDS_LIST>;

  public constructor(sp: SPFI) {
    this.items = new ListGateway(sp, THRESHOLDS_LIST, THRESHOLD_FIELDS);
  }

  public async list(): Promise<Stored<ThresholdRow>[]> {
    const items = await this.items.all({ orderBy: [['EffectiveFrom', true]] }, 'The threshold tables');
    return items.map(thresholdFromItem);
  }

  public async save(row: ThresholdRow): Promise<Stored<ThresholdRow>> {
    const what = `The ${row.regime} ${row.contractType} threshold from ${row.effectiveFrom}`;
    const body = thresholdToItem(row);
    const existing = await this.items.findByKey('ThresholdKey', thresholdKey(row), what);
    if (existing) {
      const { etag } = await this.items.update(existing.Id, existing['odata.etag'] || '*', body, what);
      return { ...row, id: existing.Id, etag };
    }
    const created = await this.items.add(body, what);
    return stored(row, { Id: created.Id, 'odata.etag': created.etag });
  }
}

export class SharePointSettingsRepository implements SettingsRepository {
  private readonly list: ListGateway<typeof SETTINGS_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, SETTINGS_LIST, { Title: 'key', SettingValue: 'value', SettingDescription: 'description' });
  }

  public async get(key: string): Promise<string | undefined> {
    const item = await this.list.findByKey('Title', key, `The setting ${key}`);
    return item ? item.SettingValue || '' : undefined;
  }

  public async all(): Promise<Record<string, string>> {
    const items = await this.list.all({ orderBy: [['Title', true]] }, 'Settings');
    return items.reduce<Record<string, string>>((acc, i) => ({ ...acc, [i.Title || '']: i.SettingValue || '' }), {});
  }

  public async set(key: string, value: string, description?: string): Promise<void> {
    const what = `The setting ${key}`;
    const body: Record<string, unknown> = { Title: key, SettingValue: value };
    if (description !== undefined) body.SettingDescription = description;
    const existing = await this.list.findByKey('Title', key, what);
    if (existing) await this.list.update(existing.Id, existing['odata.etag'] || '*', body, what);
    else await this.list.add(body, what);
  }
}
