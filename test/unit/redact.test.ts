import { describe, expect, it } from 'vitest';
import { redactIdentifiers } from '../../shared/chat/redact';

describe('Function: redactIdentifiers', () => {
  it.each([
    ['my email is ann.smith+x@example.co.uk', 'my email is [email]'],
    ['call +44 7700 900123 or (555) 123-4567', 'call [number] or [number]'],
    ['NHS number 943 476 5919, card 4111-1111-1111-1111', 'NHS number [number], card [number]'],
    ['born 12/03/1985, seen 2024-11-02 and 1.2.85', 'born [date], seen [date] and [date]'],
    ['born on 3rd of March 1985, or March 3, 1985', 'born on [date], or [date]'],
    ['see https://example.org/me?id=7 or www.example.org', 'see [link] or [link]'],
  ])('replaces the identifiers in %j', (text, expected) => {
    // Act
    const redacted = redactIdentifiers(text);

    // Assess
    expect(redacted).toBe(expected);
  });

  it.each([
    'I took 500 mg ibuprofen at 10:30 and 2 x 400 mg at 18:00',
    'temperature 39.5, BP 140/90, pulse 110, sats 94%',
    'I am 34, 1.80 m, 72.5 kg; pain 7/10 for 3 days since March',
    'insulin 12 units, HbA1c 48 mmol/mol, 1000mg twice',
  ])('keeps the clinical figures in %j', (text) => {
    // Act
    const redacted = redactIdentifiers(text);

    // Assess
    expect(redacted).toBe(text);
  });
});
