import { describe, expect, it } from 'vitest';
import type { TriageLevel } from '../../shared/contracts/triage';
import { LOW_CONFIDENCE, applySafetyFloor, type FloorInput } from '../../shared/triage/safety-floor';

const floor = (overrides: Partial<FloorInput> = {}): FloorInput => ({
  rulesLevel: 'self_care',
  proposedLevel: 'consultation',
  modelConfidence: 0.9,
  recentSessions: 0,
  ...overrides,
});

describe('Function: applySafetyFloor', () => {
  describe('low model confidence', () => {
    it('draws the line at 0.6', () => {
      // Assess
      expect(LOW_CONFIDENCE).toBe(0.6);
    });

    it('raises the level one step when the model is below 0.6 (0.59)', () => {
      // Prepare
      const input = floor({ proposedLevel: 'consultation', modelConfidence: 0.59 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation_24', adjustments: ['escalate:low_confidence'] });
    });

    it('leaves the level alone at exactly 0.6', () => {
      // Prepare
      const input = floor({ proposedLevel: 'consultation', modelConfidence: 0.6 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation', adjustments: [] });
    });

    it('raises by one step only, even at confidence 0', () => {
      // Prepare
      const input = floor({ proposedLevel: 'self_care', modelConfidence: 0 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation', adjustments: ['escalate:low_confidence'] });
    });

    it('never escalates when there is no model confidence (the rules answered alone)', () => {
      // Prepare
      const input = floor({ rulesLevel: 'consultation', proposedLevel: 'consultation', modelConfidence: undefined });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation', adjustments: [] });
    });

    it('never escalates a rules-only self_care answer either', () => {
      // Prepare
      const input: FloorInput = { rulesLevel: 'self_care', proposedLevel: 'self_care', recentSessions: 0 };

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'self_care', adjustments: [] });
    });
  });

  describe('the rules floor', () => {
    it('lifts a model answer below the rules up to the rules', () => {
      // Prepare
      const input = floor({ rulesLevel: 'emergency', proposedLevel: 'self_care', modelConfidence: 0.99 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'emergency', adjustments: ['floor:rules'] });
    });

    it('records nothing when the model agrees with the rules', () => {
      // Prepare
      const input = floor({ rulesLevel: 'consultation_24', proposedLevel: 'consultation_24' });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation_24', adjustments: [] });
    });

    it('lets the model raise the level above the rules', () => {
      // Prepare
      const input = floor({ rulesLevel: 'consultation', proposedLevel: 'emergency' });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'emergency', adjustments: [] });
    });

    it.each<[TriageLevel, TriageLevel]>([
      ['emergency_ambulance', 'self_care'],
      ['emergency_ambulance', 'emergency'],
      ['emergency', 'consultation_24'],
      ['consultation_24', 'consultation'],
      ['consultation', 'self_care'],
    ])('never ends below the rules (rules %s, model %s)', (rulesLevel, proposedLevel) => {
      // Prepare
      const input = floor({ rulesLevel, proposedLevel });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: rulesLevel, adjustments: ['floor:rules'] });
    });
  });

  describe('a repeat session within 24 hours', () => {
    it('raises the level one step after one recent session', () => {
      // Prepare
      const input = floor({ proposedLevel: 'consultation', recentSessions: 1 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation_24', adjustments: ['escalate:repeat_within_24h'] });
    });

    it('raises by one step only, however many recent sessions', () => {
      // Prepare
      const input = floor({ proposedLevel: 'self_care', recentSessions: 5 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation', adjustments: ['escalate:repeat_within_24h'] });
    });

    it('does nothing for a first session', () => {
      // Prepare
      const input = floor({ proposedLevel: 'self_care', rulesLevel: 'self_care', recentSessions: 0 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'self_care', adjustments: [] });
    });

    it('applies to a rules-only answer too', () => {
      // Prepare
      const input: FloorInput = { rulesLevel: 'consultation', proposedLevel: 'consultation', recentSessions: 1 };

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation_24', adjustments: ['escalate:repeat_within_24h'] });
    });
  });

  describe('combination and order', () => {
    it('escalates for low confidence, then applies the floor, then the repeat step', () => {
      // Prepare: self_care → consultation (unsure) → consultation_24 (rules) → emergency (repeat)
      const input = floor({ rulesLevel: 'consultation_24', proposedLevel: 'self_care', modelConfidence: 0.3, recentSessions: 1 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'emergency', adjustments: ['escalate:low_confidence', 'floor:rules', 'escalate:repeat_within_24h'] });
    });

    it('compares the floor with the already escalated level', () => {
      // Prepare: consultation → consultation_24 (unsure), which already meets the rules
      const input = floor({ rulesLevel: 'consultation_24', proposedLevel: 'consultation', modelConfidence: 0.5 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'consultation_24', adjustments: ['escalate:low_confidence'] });
    });

    it('raises the floored level for a repeat session', () => {
      // Prepare
      const input = floor({ rulesLevel: 'consultation_24', proposedLevel: 'self_care', modelConfidence: 0.95, recentSessions: 2 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'emergency', adjustments: ['floor:rules', 'escalate:repeat_within_24h'] });
    });

    it('keeps emergency_ambulance, the top of the scale, while recording both escalations', () => {
      // Prepare
      const input = floor({ rulesLevel: 'emergency_ambulance', proposedLevel: 'emergency_ambulance', modelConfidence: 0.1, recentSessions: 3 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'emergency_ambulance', adjustments: ['escalate:low_confidence', 'escalate:repeat_within_24h'] });
    });

    it('raises emergency to emergency_ambulance and no further', () => {
      // Prepare
      const input = floor({ rulesLevel: 'emergency', proposedLevel: 'emergency', modelConfidence: 0.2, recentSessions: 1 });

      // Act
      const result = applySafetyFloor(input);

      // Assess
      expect(result).toEqual({ level: 'emergency_ambulance', adjustments: ['escalate:low_confidence', 'escalate:repeat_within_24h'] });
    });

    it('does not change its input', () => {
      // Prepare
      const input = Object.freeze(floor({ rulesLevel: 'emergency', proposedLevel: 'self_care', modelConfidence: 0.1, recentSessions: 1 }));

      // Act
      applySafetyFloor(input);

      // Assess
      expect(input).toEqual({ rulesLevel: 'emergency', proposedLevel: 'self_care', modelConfidence: 0.1, recentSessions: 1 });
    });
  });
});
