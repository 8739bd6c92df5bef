import { describe, expect, it } from 'vitest';
import { conversationPlace, getConversation, listConversations, MAX_MESSAGES, type StoredMessage } from '../../shared/chat/conversation';
import type { StoredConversation } from '../../shared/chat/ports';
import { OFFLINE_REPLY, sendChatMessage, type ChatDeps } from '../../shared/chat/send-message';
import type { Caller } from '../../shared/domain/caller';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../../shared/errors';
import { createConsent, revokeConsent, aiConsentId } from '../../shared/records/consents';
import { DISCLAIMER } from '../../shared/triage/result';
import { inMemoryAiQuota } from '../helpers/fakes/chat';
import { allPages } from '../helpers/fakes/page';
import { expectSealedWithout } from '../helpers/fakes/sealed';
import { inMemoryApp, META } from '../helpers/in-memory';

/** PHI-like text that must stay sealed. */
const QUESTION = 'Is it normal that my knee swells after the Ostrowski physiotherapy sessions?';
const RED_FLAG = 'I have crushing chest pain going down my left arm';

const setUp = async (options: { modelConfigured?: boolean; aiConsent?: boolean } = {}) => {
  const app = inMemoryApp();
  const patient = await app.addUser();
  if (options.aiConsent === true) await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
  app.events.length = 0;
  const deps: ChatDeps = { ...app.deps, modelConfigured: options.modelConfigured ?? false };
  return { app, patient, deps };
};

const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};

const storedMessages = async (app: ReturnType<typeof inMemoryApp>, patient: Caller, conversationId: string): Promise<StoredMessage[]> => {
  const stored = (await app.deps.conversations.getConversation(patient.userId, conversationId))!;
  return app.deps.vault.openJson<StoredMessage[]>(conversationPlace(patient.userId, conversationId), stored.messagesSealed);
};

describe('Use case: sendChatMessage', () => {
  it('answers offline without a model: history sealed, quota spent, nothing queued, audited', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();

    // Act
    const { pending, conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);

    // Assess
    expect(pending).toBe(false);
    expect(conversation).toEqual({
      conversationId: expect.any(String),
      status: 'answered',
      disclaimer: DISCLAIMER,
      messages: [
        { role: 'user', content: QUESTION, at: '2026-11-25T12:00:00.000Z' },
        { role: 'assistant', content: OFFLINE_REPLY, at: '2026-11-25T12:00:00.000Z', source: 'offline' },
      ],
    });
    const stored = (await app.deps.conversations.getConversation(patient.userId, conversation.conversationId))!;
    expect(stored).toMatchObject({ patientId: patient.userId, persona: 'health_assistant', status: 'answered', revision: 1 });
    expectSealedWithout(stored.messagesSealed, 'Ostrowski', 'knee swells');
    expect(await storedMessages(app, patient, stored.id)).toEqual(conversation.messages);
    expect(app.quota.spent.get(patient.userId)).toBe(1);
    expect(app.queue.messages).toEqual([]);
    expect(app.events).toEqual([
      {
        action: 'ai.chat',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'conversation', id: stored.id },
        reason: 'offline',
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
  });

  it('gives the emergency answer at once for a red flag, even with a model and consent, and queues nothing', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });

    // Act
    const { pending, conversation } = await sendChatMessage(deps, patient, { message: RED_FLAG }, META);

    // Assess
    expect(pending).toBe(false);
    expect(conversation.emergency).toEqual({ level: 'emergency_ambulance', advice: expect.stringContaining('emergency') });
    expect(conversation.messages.at(-1)).toEqual({ role: 'assistant', content: conversation.emergency!.advice, at: expect.any(String), source: 'rules' });
    expect(app.queue.messages).toEqual([]);
    expect(app.events.at(-1)).toMatchObject({ action: 'ai.chat', reason: 'red_flag' });
  });

  it('queues the message for the model with the patient’s AI consent: ids only, status pending', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });

    // Act
    const { pending, conversation } = await sendChatMessage(deps, patient, { message: QUESTION, persona: 'ayurveda_guide' }, META);

    // Assess
    expect(pending).toBe(true);
    expect(conversation).toMatchObject({ status: 'pending', messages: [{ role: 'user', content: QUESTION }] });
    expect(app.queue.messages).toEqual([{ kind: 'chat', conversationId: conversation.conversationId, patientId: patient.userId, revision: 1 }]);
    expect(await app.deps.conversations.getConversation(patient.userId, conversation.conversationId)).toMatchObject({
      status: 'pending',
      persona: 'ayurveda_guide',
    });
    expect(app.events.at(-1)).toMatchObject({ action: 'ai.chat', reason: 'queued_for_model' });
  });

  it('answers offline, queuing nothing, with a model but without (or after revoking) the AI consent', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });
    await revokeConsent(app.deps, patient, aiConsentId(patient.userId), META);

    // Act
    const { pending, conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);

    // Assess
    expect(pending).toBe(false);
    expect(conversation.messages.at(-1)).toMatchObject({ source: 'offline' });
    expect(app.queue.messages).toEqual([]);
  });

  it('continues a conversation: appends, keeps its persona and creation time, bumps the revision', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const first = await sendChatMessage(deps, patient, { message: QUESTION, persona: 'ayurveda_guide' }, META);
    app.clock.advance(30_000);

    // Act
    const second = await sendChatMessage(deps, patient, { message: 'And what about swimming?', conversationId: first.conversation.conversationId }, META);

    // Assess
    expect(second.conversation.conversationId).toBe(first.conversation.conversationId);
    expect(second.conversation.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(await app.deps.conversations.getConversation(patient.userId, first.conversation.conversationId)).toMatchObject({
      persona: 'ayurveda_guide',
      revision: 2,
      createdAt: '2026-11-25T12:00:00.000Z',
      updatedAt: '2026-11-25T12:00:30.000Z',
    });
  });

  it(`keeps the last ${MAX_MESSAGES} messages only`, async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    let conversationId: string | undefined;

    // Act
    for (let i = 0; i < MAX_MESSAGES / 2 + 1; i++) {
      const { conversation } = await sendChatMessage(deps, patient, { message: `message number ${i}`, ...(conversationId ? { conversationId } : {}) }, META);
      conversationId = conversation.conversationId;
    }

    // Assess
    const messages = await storedMessages(app, patient, conversationId!);
    expect(messages).toHaveLength(MAX_MESSAGES);
    expect(messages[0]).toMatchObject({ role: 'user', content: 'message number 1' });
  });

  it('answers 404 for another patient’s conversation and stores, queues and audits nothing', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true });
    const { conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);
    const other = await app.addUser();
    await createConsent(app.deps, other, { kind: 'ai_processing' }, META);
    const before = await app.deps.conversations.getConversation(patient.userId, conversation.conversationId);
    app.events.length = 0;

    // Act
    const attempt = sendChatMessage(deps, other, { message: 'hello', conversationId: conversation.conversationId }, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.conversations.rows.size).toBe(1);
    expect(await app.deps.conversations.getConversation(patient.userId, conversation.conversationId)).toBe(before);
    expect(app.queue.messages).toEqual([]);
    expect(app.events).toEqual([]);
  });

  it('spends no AI quota on a 404 for another patient’s conversation', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const { conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);
    const other = await app.addUser();
    const taken = app.quota.counts.taken;

    // Act
    const attempt = sendChatMessage(deps, other, { message: 'hello', conversationId: conversation.conversationId }, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.quota.counts.taken).toBe(taken);
    expect(app.quota.spent.get(other.userId)).toBeUndefined();
  });

  it('fails with the audit error and keeps no conversation when the audit append of a new one fails', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();

    // Act
    const attempt = sendChatMessage({ ...deps, audit: failingAudit }, patient, { message: QUESTION }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(app.conversations.rows.size).toBe(0);
  });

  it('fails with the audit error and puts the conversation back as it was when the audit append of a reply fails', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const { conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);
    const before = await app.deps.conversations.getConversation(patient.userId, conversation.conversationId);
    app.clock.advance(30_000);

    // Act
    const attempt = sendChatMessage({ ...deps, audit: failingAudit }, patient, { message: 'And my ankle', conversationId: conversation.conversationId }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(await app.deps.conversations.getConversation(patient.userId, conversation.conversationId)).toEqual(before);
    expect(app.conversations.rows.size).toBe(1);
  });

  it('fails when queueing fails and leaves nothing pending: the conversation is as before, and a retry is queued once', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });
    const first = await sendChatMessage({ ...deps, modelConfigured: false }, patient, { message: QUESTION }, META);
    const before = await app.deps.conversations.getConversation(patient.userId, first.conversation.conversationId);
    app.events.length = 0;
    app.queue.failNext();

    // Act
    const attempt = sendChatMessage(deps, patient, { message: 'And my ankle', conversationId: first.conversation.conversationId }, META);
    await expect(attempt).rejects.toThrow('queue unavailable');
    const afterFailure = await app.deps.conversations.getConversation(patient.userId, first.conversation.conversationId);
    const retried = await sendChatMessage(deps, patient, { message: 'And my ankle', conversationId: first.conversation.conversationId }, META);

    // Assess
    expect(afterFailure).toEqual(before);
    expect(afterFailure).toMatchObject({ status: 'answered', revision: 1 });
    expect(retried).toMatchObject({ pending: true, conversation: { status: 'pending' } });
    expect(app.queue.messages).toEqual([{ kind: 'chat', conversationId: first.conversation.conversationId, patientId: patient.userId, revision: 2 }]);
    expect(app.events.map((e) => e.reason)).toEqual(['queued_for_model']);
  });

  it('keeps no pending conversation when queueing the first message fails', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });
    app.queue.failNext();

    // Act
    const attempt = sendChatMessage(deps, patient, { message: QUESTION }, META);

    // Assess
    await expect(attempt).rejects.toThrow('queue unavailable');
    expect(app.conversations.rows.size).toBe(0);
    expect(app.events).toEqual([]);
  });

  it('leaves a reply written meanwhile alone when the audit append fails (the undo is only of its own write)', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });
    let answered: StoredConversation | undefined;
    const answerThenFail = {
      append: async () => {
        // The worker answers the queued revision (same revision, new messages) before the append fails.
        const [stored] = [...app.conversations.rows.values()];
        answered = { ...stored!, status: 'answered', messagesSealed: `${stored!.messagesSealed}.answered` };
        await app.deps.conversations.saveConversation(answered, stored!.revision);
        throw new Error('audit store down');
      },
    };

    // Act
    const attempt = sendChatMessage({ ...deps, audit: answerThenFail }, patient, { message: QUESTION }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect([...app.conversations.rows.values()]).toEqual([answered!]);
  });

  it('answers 429 with the retry time when the AI quota is used up, and stores nothing', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const quota = inMemoryAiQuota(0, 42);

    // Act
    const attempt = sendChatMessage({ ...deps, quota: quota.quota }, patient, { message: QUESTION }, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TooManyRequestsError);
    await expect(attempt).rejects.toMatchObject({ status: 429, retryAfterSeconds: 42 });
    expect(app.conversations.rows.size).toBe(0);
    expect(app.events).toEqual([]);
  });

  it('answers 409 when the conversation changed since it was read, and queues nothing', async () => {
    // Prepare
    const { app, patient, deps } = await setUp({ modelConfigured: true, aiConsent: true });
    const { conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);
    const stale = await app.deps.conversations.getConversation(patient.userId, conversation.conversationId);
    await sendChatMessage(deps, patient, { message: 'Also my ankle', conversationId: conversation.conversationId }, META);
    const staleRead: ChatDeps = { ...deps, conversations: { ...deps.conversations, getConversation: async () => stale } };
    app.events.length = 0;

    // Act
    const attempt = sendChatMessage(staleRead, patient, { message: 'And my hip', conversationId: conversation.conversationId }, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(app.queue.messages.map((m) => m.revision)).toEqual([1, 2]);
    expect((await storedMessages(app, patient, conversation.conversationId)).map((m) => m.content)).toEqual([QUESTION, 'Also my ankle']);
    expect(app.events).toEqual([]);
  });
});

describe('Use case: getConversation', () => {
  it('opens the caller’s conversation with the disclaimer and audits the read', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const { conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);
    app.events.length = 0;

    // Act
    const read = await getConversation(app.deps, patient, conversation.conversationId, META);

    // Assess
    expect(read).toEqual(conversation);
    expect(app.events).toEqual([
      expect.objectContaining({
        action: 'ai.chat_read',
        outcome: 'success',
        subjectId: patient.userId,
        resource: { type: 'conversation', id: conversation.conversationId },
      }),
    ]);
  });

  it('answers 404 for another patient’s conversation and audits nothing', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const { conversation } = await sendChatMessage(deps, patient, { message: QUESTION }, META);
    const other = await app.addUser();
    app.events.length = 0;

    // Act
    const attempt = getConversation(app.deps, other, conversation.conversationId, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.events).toEqual([]);
  });
});

describe('Use case: listConversations', () => {
  it('pages the caller’s conversations newest first with a preview and a message count, audited per page', async () => {
    // Prepare
    const { app, patient, deps } = await setUp();
    const long = `${'a'.repeat(79)}bcdef`;
    const sent = [];
    for (const message of ['first', long, 'third']) {
      sent.push((await sendChatMessage(deps, patient, { message }, META)).conversation.conversationId);
      app.clock.advance(1_000);
    }
    await sendChatMessage(deps, await app.addUser(), { message: 'not yours' }, META);
    app.events.length = 0;

    // Act
    const { pages, items } = await allPages((page) => listConversations(app.deps, patient, page, META), 2);

    // Assess
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
    expect(items.map((c) => c.conversationId)).toEqual([...sent].reverse());
    expect(items[1]).toEqual({
      conversationId: sent[1],
      persona: 'health_assistant',
      status: 'answered',
      preview: `${'a'.repeat(79)}…`,
      messageCount: 2,
      createdAt: '2026-11-25T12:00:01.000Z',
      updatedAt: '2026-11-25T12:00:01.000Z',
    });
    expect(items[0]!.preview).toBe('third');
    expect(app.events.map((e) => `${e.action}:${e.subjectId}:${e.resource.id}`)).toEqual(Array(2).fill(`ai.chat_list:${patient.userId}:all`));
  });
});
