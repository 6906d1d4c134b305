// Proxies as a person reads them on the contract's page: per one of the unit. (A quantity in its unit is the
// domain's formatQuantity: tests/domain/measures.test.ts.)
import { proxyText } from '../../src/ui/delivery/deliveryLabels';

it('writes a proxy per one of its unit: per hour, per tonne CO2e, per £1', () => {
  expect(proxyText(1693, 'hours', 'SVH 2026')).toBe('£16.93 per hour (SVH 2026)');
  expect(proxyText(24500, 'tonnes CO2e', '2022')).toBe('£245 per tonne CO2e (2022)');
  expect(proxyText(100, '£ spend')).toBe('£1 per £1');
  expect(proxyText(undefined, 'FTE')).toBe('Record-only: no £ value');
});
