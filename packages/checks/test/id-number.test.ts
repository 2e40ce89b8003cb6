import { describe, expect, it } from 'vitest';
import { checkCharacter, maskIdNumber, normalizeIdText, validateIdNumber } from '../src/id-number.ts';
import { iso7064Check, makeId } from './helpers.ts';

const TODAY = '20240630';

describe('checkCharacter', () => {
  it('matches the example of GB 11643-1999 and the iterative ISO 7064 form', () => {
    // The standard's own worked example.
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    for (let i = 0; i < 2000; i++) {
      const body =
        String(100000 + ((i * 7919) % 800000)) +
        '1985' +
        String(1 + (i % 12)).padStart(2, '0') +
        '15' +
        String(i % 1000).padStart(3, '0');
      expect(checkCharacter(body)).toBe(iso7064Check(body));
    }
  });
});

describe('validateIdNumber', () => {
  it('accepts a valid number in a current county', () => {
    const r = validateIdNumber('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, normalized: '11010519491231002X', errors: [], warnings: [] });
  });

  it('normalises a lower-case x, full-width digits and surrounding spaces', () => {
    expect(validateIdNumber(' 11010519491231002x ', TODAY).normalized).toBe('11010519491231002X');
    const full = validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY);
    expect(full.ok).toBe(true);
    expect(full.normalized).toBe('11010519491231002X');
    expect(normalizeIdText('１２３ｘ')).toBe('123X');
  });

  it('reports a wrong check character with the expected one', () => {
    const r = validateIdNumber('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(['校验码错误：末位应为 X']);
  });

  it.each([
    ['19990230', '2月30日'],
    ['19990229', '非闰年2月29日'],
    ['19001301', '13月'],
    ['18991231', '1900年以前'],
    ['20000000', '0日'],
  ])('rejects birth date %s (%s)', (ymd) => {
    const id = makeId('110105', ymd, 12);
    const r = validateIdNumber(id, TODAY);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([`出生日期无效：${ymd}`]);
  });

  it('accepts 29 February in a leap year, 2000 included', () => {
    expect(validateIdNumber(makeId('110105', '20000229', 1), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeId('110105', '19960229', 1), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeId('110105', '19000229', 1), TODAY).ok).toBe(false);
  });

  it('rejects a birth date after today', () => {
    const r = validateIdNumber(makeId('110105', '20240701', 1), TODAY);
    expect(r.errors).toEqual(['出生日期晚于当前日期：20240701']);
  });

  it('converts a 15-digit number to 18 and says so', () => {
    // 15-digit: region 110105, YYMMDD 491231, sequence 002 → 110105 19 491231 002 + check.
    const r = validateIdNumber('110105491231002', TODAY);
    expect(r.ok).toBe(true);
    expect(r.normalized).toBe('11010519491231002X');
    expect(r.warnings).toEqual(['15位旧号已转换为18位']);
    expect(validateIdNumber('110105490230002', TODAY).errors).toEqual(['出生日期无效：19490230']);
  });

  it('rejects wrong lengths, letters and empties', () => {
    expect(validateIdNumber('', TODAY).errors).toEqual(['身份证号为空']);
    expect(validateIdNumber(null, TODAY).errors).toEqual(['身份证号为空']);
    expect(validateIdNumber('1101051949123100', TODAY).errors).toEqual([
      '长度应为18位（旧号15位），实为16位',
    ]);
    expect(validateIdNumber('11010519491231002Y', TODAY).errors).toEqual([
      '含有非法字符（只允许数字和末位 X）',
    ]);
    expect(validateIdNumber('1101051949X231002X', TODAY).errors).toEqual([
      '含有非法字符（只允许数字和末位 X）',
    ]);
    expect(validateIdNumber('11010549123100X', TODAY).errors).toEqual(['含有非法字符（只允许数字和末位 X）']);
  });

  it('warns, but does not fail, on a region code that is not current', () => {
    // 110103 (崇文区) was merged into 东城区 in 2010; IDs issued before still carry it.
    const r = validateIdNumber(makeId('110103', '19800101', 5), TODAY);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['行政区划代码 110103 不在现行 GB/T 2260 代码中（可能已撤销或有误）']);
  });

  it('is fast: a million validations in a few seconds even on a busy machine', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => makeId('110105', '19850615', i));
    const t = performance.now();
    let ok = 0;
    for (let k = 0; k < 1000; k++) for (const id of ids) if (validateIdNumber(id, TODAY).ok) ok++;
    expect(ok).toBe(1_000_000);
    expect(performance.now() - t).toBeLessThan(4000);
  });
});

describe('maskIdNumber', () => {
  it('keeps the region and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber(null)).toBe('');
  });
});
