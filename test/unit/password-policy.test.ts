import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../shared/domain/password-policy';

const codes = (password: string, email = 'ann@example.com') => checkPassword(password, email).map((p) => p.code);

describe('Function: checkPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(codes('correct horse battery staple')).toEqual([]);
    expect(codes('ünïcödé pässphrase')).toEqual([]);
  });

  it('counts characters, not bytes, toward the 12-character minimum', () => {
    expect(codes('short')).toContain('too_short');
    expect(codes('élan vital!')).toContain('too_short');
    expect(codes('élan vital!!')).not.toContain('too_short');
  });

  it('refuses passwords from breach lists, also when padded with digits', () => {
    expect(codes('1qaz2wsx3edc')).toContain('common');
    expect(codes('LeaveMeAlone')).toContain('common');
    expect(codes('password12345678')).toContain('common');
    expect(codes('Dragon!!2024!!')).toContain('common');
  });

  it('refuses repetitive and sequential passwords', () => {
    expect(codes('aaaaaaaaaaaaaa')).toContain('repetitive');
    expect(codes('abababababab')).toContain('repetitive');
    expect(codes('abcdefghijklmn')).toContain('sequential');
    expect(codes('987654321098')).toContain('sequential');
  });

  it('refuses the e-mail or its local part and the service name', () => {
    expect(codes('my annabelle@example.com', 'annabelle@example.com')).toContain('contains_email');
    expect(codes('annabelle rocks hard', 'annabelle@example.com')).toContain('contains_email');
    expect(codes('i love carebow so much')).toContain('contains_service_name');
  });

  it('refuses absurdly long inputs', () => {
    expect(codes('x y'.repeat(50))).toContain('too_long');
  });
});
