import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '../../shared/contracts/notifications';
import { fill, PLACEHOLDERS, placeholdersOf, renderMessage, TemplateError, whenText } from '../../shared/notifications/render';
import { linkPath, TEMPLATES } from '../../shared/notifications/templates';
import { CANARY, canaryEmail } from '../helpers/canaries';

const BASE = 'https://app.carebow.test';
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

/** PHI a message could be tempted to carry: conditions, symptoms, levels, specialties, practitioner names, reasons, contact data. */
const PHI_CANARIES = [
  CANARY.name,
  canaryEmail('tpl'),
  'Canary-Condition-Haemophilia-9x',
  'canary chest pain radiating 4k2',
  'emergency_ambulance',
  'cardiology',
  'Dr Canaryname Zq7Xv',
  'canary reason: my HIV results 7t1',
  '+447700900123',
];

const safeValues = {
  when: whenText(Date.parse('2027-03-28T09:00:00Z'), 'Europe/London'),
  timeZone: 'Europe/London',
  link: `${BASE}/appointments/${ID}`,
  code: '042917',
};

describe('Templates', () => {
  it('use only the four safe placeholders, and only the verification code template uses {code}', () => {
    // Act
    const used = NOTIFICATION_TYPES.flatMap((type) =>
      (['subject', 'email', 'sms'] as const).flatMap((part) => placeholdersOf(TEMPLATES[type][part]).map((name) => ({ type, name }))),
    );

    // Assess
    for (const { name } of used) expect(PLACEHOLDERS).toContain(name);
    expect(used.filter((u) => u.name === 'code').every((u) => u.type === 'phone_verification')).toBe(true);
    expect(used.some((u) => u.type === 'phone_verification' && u.name === 'code')).toBe(true);
  });

  it.each(NOTIFICATION_TYPES)('renders %s on both channels with no canary PHI, whatever the values were offered', (type) => {
    // Prepare: every value a caller could offer, canaries included; only the safe ones may pass.
    const path = linkPath(type, { appointmentId: ID, sessionId: ID, verificationId: ID, offset: '24h' });
    const values = { ...safeValues, ...(path ? { link: BASE + path } : {}) };

    // Act
    const email = renderMessage(type, 'email', values, BASE);
    const sms = renderMessage(type, 'sms', values, BASE);

    // Assess
    const output = `${email.subject}\n${email.text}\n${sms.text}`;
    for (const canary of PHI_CANARIES) expect(output).not.toContain(canary);
    expect(output).not.toMatch(/[{}]/);
    expect(sms.text.length).toBeLessThanOrEqual(200);
  });

  it.each(PHI_CANARIES)('refuses canary %s in any placeholder', (canary) => {
    // Act, Assess
    for (const name of PLACEHOLDERS) {
      expect(() => fill(`x {${name}} y`, { ...safeValues, [name]: canary }, BASE), name).toThrow(TemplateError);
    }
    expect(() => fill('{link}', { link: `${BASE}/${encodeURIComponent(canary)}` }, BASE)).toThrow(TemplateError);
    expect(() => fill('{link}', { link: `https://evil.example/appointments/${ID}` }, BASE)).toThrow(TemplateError);
  });

  it('refuses any other placeholder, a stray brace, and a placeholder without a value', () => {
    // Act, Assess
    expect(() => fill('Hello {name}', { ...safeValues }, BASE)).toThrow(/unknown placeholder/);
    expect(() => fill('Hello {reason}', { ...safeValues }, BASE)).toThrow(TemplateError);
    expect(() => fill('Hello { when }', { ...safeValues }, BASE)).toThrow(TemplateError);
    expect(() => fill('Hello } {', { ...safeValues }, BASE)).toThrow(TemplateError);
    expect(() => fill('At {when}', {}, BASE)).toThrow(/no value/);
  });

  it('writes the time as the zone’s clocks read it', () => {
    // Act
    const london = whenText(Date.parse('2027-03-28T09:00:00Z'), 'Europe/London');
    const kolkata = whenText(Date.parse('2027-09-01T04:30:00Z'), 'Asia/Kolkata');

    // Assess
    expect(london).toBe('Sun 28 Mar 2027, 10:00');
    expect(kolkata).toMatch(/^Wed 1 Sept? 2027, 10:00$/);
  });
});
