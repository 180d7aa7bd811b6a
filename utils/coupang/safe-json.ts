import { isInteger, isSafeNumber, parse } from 'lossless-json';

/** Integers beyond 2^53 stay as their digits; every other number is an ordinary JS number. */
function parseNumber(text: string): number | string {
  return isInteger(text) && !isSafeNumber(text) ? text : Number(text);
}

/** JSON.parse that never rounds a big ID (9007199254740993 would become …992). Throws on non-JSON. */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  return parse(text, null, parseNumber);
}
