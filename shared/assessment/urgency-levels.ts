import type { TriageLevel } from '../contracts/triage';

/** The five-level scale, for clients to explain a result. */
export const URGENCY_LEVELS: { level: TriageLevel; label: string; meaning: string }[] = [
  { level: 'emergency_ambulance', label: 'Call an ambulance', meaning: 'Life-threatening: call your local emergency number now.' },
  { level: 'emergency', label: 'Emergency care now', meaning: 'Go to an emergency department now, or call emergency services if you cannot get there safely.' },
  { level: 'consultation_24', label: 'See a clinician within 24 hours', meaning: 'Needs a clinician today or tomorrow; sooner if it gets worse.' },
  { level: 'consultation', label: 'Book a consultation', meaning: 'See a clinician in the coming days; a teleconsultation is often enough.' },
  { level: 'self_care', label: 'Self-care', meaning: 'Usually gets better on its own; watch for the warning signs listed.' },
];
