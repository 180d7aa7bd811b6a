import { describe, expect, it } from 'vitest';
import { idAtOffset, runOf } from '@/utils/detect/id-at-offset';

const TEXT = '상담번호 1015668177, 문의번호 １０１５６６８１７８ 처리 010-1234-5678';
const IDS = ['1015668177', '1015668178'];

describe('idAtOffset: the ID a caret position falls on, in the text as it reads now', () => {
  it.each([
    [TEXT.indexOf('1015668177'), '1015668177'], // left edge of its first digit
    [TEXT.indexOf('1015668177') + 5, '1015668177'],
    [TEXT.indexOf('1015668177') + 10, '1015668177'], // right edge of its last digit
    [TEXT.indexOf('１０１５'), '1015668178'], // full-width digits
  ])('offset %i → %s', (offset, id) => {
    expect(idAtOffset(TEXT, offset, IDS)?.digits).toBe(id);
  });

  it.each([
    ['the label', TEXT.indexOf('문의번호') + 1],
    ['a phone number group', TEXT.indexOf('1234') + 1],
    ['the space between two runs', TEXT.indexOf(',') + 1],
  ])('nothing on %s', (_, offset) => {
    expect(idAtOffset(TEXT, offset, IDS)).toBeUndefined();
  });

  it('a number the detector did not find in that element (the page rewrote the text since) is no ID', () => {
    expect(idAtOffset('상담번호: 1015668180 안내', 8, ['1015668177'])).toBeUndefined();
  });

  it('runOf finds where a text shows an ID, for placing the card beside it', () => {
    expect(runOf(TEXT, '1015668178')).toMatchObject({ start: TEXT.indexOf('１'), end: TEXT.indexOf('１') + 10 });
    expect(runOf(TEXT, '1015668179')).toBeUndefined();
  });
});
