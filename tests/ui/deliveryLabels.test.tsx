// Quantities as a person reads them on the contract's page: in their unit, one of a plural unit singular.
import { proxyText, quantityText } from '../../src/ui/delivery/deliveryLabels';

it('writes a quantity in its unit, one week, hour or tonne singular', () => {
  expect(quantityText(1, 'weeks')).toBe('1 week');
  expect(quantityText(1, 'hours')).toBe('1 hour');
  expect(quantityText(2.5, 'weeks')).toBe('2.5 weeks');
  expect(quantityText(1, 'FTE')).toBe('1 FTE');
  expect(quantityText(1, 'tonnes CO2e')).toBe('1 tonne CO2e');
  expect(quantityText(3, 'tonnes CO2e')).toBe('3 tonnes CO2e');
  expect(quantityText(12, 'count')).toBe('12');
  expect(quantityText(40, '%')).toBe('40%');
  expect(quantityText(1234.5, '£ spend')).toBe('£1,234.50');
});

it('writes a proxy per one of its unit: per hour, per tonne CO2e, per £1', () => {
  expect(proxyText(1693, 'hours', 'SVH 2026')).toBe('£16.93 per hour (SVH 2026)');
  expect(proxyText(24500, 'tonnes CO2e', '2022')).toBe('£245 per tonne CO2e (2022)');
  expect(proxyText(100, '£ spend')).toBe('£1 per £1');
  expect(proxyText(undefined, 'FTE')).toBe('Record-only: no £ value');
});
