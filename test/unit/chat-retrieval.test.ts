import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MarkedRenderer } from '../../shared/adapters/markdown/marked-renderer';
import { answerChat } from '../../shared/chat/answer-chat';
import { conversationPlace, type StoredMessage } from '../../shared/chat/conversation';
import { citationsOf, citedPassages, retrievePosts, type RetrievedPost } from '../../shared/chat/retrieve';
import { OFFLINE_REPLY, sendChatMessage } from '../../shared/chat/send-message';
import { reconcileLibrary } from '../../shared/content/reconcile-library';
import type { RenderedSnapshot } from '../../shared/content/rendering';
import type { Caller } from '../../shared/domain/caller';
import { createConsent } from '../../shared/records/consents';
import { chatSystemPrompt, ModelUnavailableError, type ChatPersona, type ChatTurn, type LibraryPassage } from '../../shared/triage/model';
import type { ChatModel } from '../../shared/triage/ports';
import { FILLER_POSTS, inMemoryContentPublication, inMemorySearchIndexStore, libraryIndexOf, type LibraryPost } from '../helpers/fakes/content-publication';
import { inMemoryApp, META } from '../helpers/in-memory';

/** Only ever in unpublished text: a reply must never cite a post for it. */
const CANARY_WORD = 'zanzibarquokka';

const SLEEP: LibraryPost = {
  postId: randomUUID(),
  slug: 'sleeping-better',
  title: 'Sleeping better',
  summary: 'A steady routine, a dark cool bedroom and less caffeine help most adults sleep better.',
  body: '## A routine\n\nGo to bed and get up at the same time. Keep the bedroom dark and cool; avoid caffeine after noon.',
  tags: ['sleep', 'insomnia'],
};
const COLDS: LibraryPost = {
  postId: randomUUID(),
  slug: 'colds-and-flu',
  title: 'Colds and flu',
  summary: 'Most colds and flu get better on their own with rest and fluids; antibiotics do not help.',
  body: 'Rest, drink fluids, and use paracetamol as the label says. Ginger tea or honey may soothe a sore throat.',
  tags: ['cold', 'flu'],
};

/** A chat model that records what it was given and answers `text`. */
const recordingModel = (text: string | (() => never)) => {
  const calls: { turns: readonly ChatTurn[]; persona: ChatPersona; library: readonly LibraryPassage[] | undefined }[] = [];
  const model: ChatModel = {
    name: 'fake-chat',
    reply: async (turns, persona, _signal, library) => {
      calls.push({ turns, persona, library });
      if (typeof text === 'function') text();
      return { text: text as string, usage: { inputTokens: 10, outputTokens: 5 } as never };
    },
  };
  return { model, calls };
};

const setUp = async (posts: readonly LibraryPost[] = [SLEEP, COLDS]) => {
  const app = inMemoryApp();
  const patient = await app.addUser();
  await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
  const index = libraryIndexOf(posts);
  const library = { current: async () => index };
  return { app, patient, library };
};

/** Sends `message` (queued for the worker) and returns the worker's message for it. */
const ask = async (app: ReturnType<typeof inMemoryApp>, patient: Caller, message: string, conversationId?: string) => {
  const sent = await sendChatMessage({ ...app.deps, modelConfigured: true }, patient, { message, ...(conversationId ? { conversationId } : {}) }, META);
  expect(sent.pending).toBe(true);
  return {
    conversationId: sent.conversation.conversationId,
    patientId: patient.userId,
    revision: (await app.deps.conversations.getConversation(patient.userId, sent.conversation.conversationId))!.revision,
  };
};

const storedMessages = async (app: ReturnType<typeof inMemoryApp>, patientId: string, conversationId: string): Promise<StoredMessage[]> => {
  const stored = (await app.deps.conversations.getConversation(patientId, conversationId))!;
  return app.deps.vault.openJson<StoredMessage[]>(conversationPlace(patientId, conversationId), stored.messagesSealed);
};

describe('Chat retrieval: citedPassages and citationsOf', () => {
  it.each([
    ['Keep a routine [1].', 3, [1]],
    ['Rest [2] and drink fluids [1]; as said in [2].', 3, [2, 1]],
    ['Both say so [1, 3] and [2][3].', 3, [1, 3, 2]],
    ['Spaces [ 2 ] and semicolons [1; 2] count.', 2, [2, 1]],
    ['Out of range [4] and [0] are not citations.', 3, []],
    ['Only [2] of two passages; [3] is not one.', 2, [2]],
    ['No passages, no citations [1].', 0, []],
    ['Links [text](https://x.org), arrays [a, b] and [12] are not markers.', 3, []],
    ['Nothing cited at all.', 3, []],
  ])('reads the markers of %j', (reply, count, expected) => {
    // Act
    const cited = citedPassages(reply, count);

    // Assess
    expect(cited).toEqual(expected);
  });

  it('maps the markers to the retrieved posts, in the order first cited', () => {
    // Prepare
    const posts: RetrievedPost[] = [
      { postId: SLEEP.postId, slug: SLEEP.slug, title: SLEEP.title, excerpt: 'x', score: 50 },
      { postId: COLDS.postId, slug: COLDS.slug, title: COLDS.title, excerpt: 'y', score: 40 },
    ];

    // Act
    const citations = citationsOf('Fluids help [2]; sleep too [1] [2].', posts);

    // Assess
    expect(citations).toEqual([
      { postId: COLDS.postId, slug: COLDS.slug, title: COLDS.title },
      { postId: SLEEP.postId, slug: SLEEP.slug, title: SLEEP.title },
    ]);
  });
});

describe('Chat retrieval: retrievePosts', () => {
  it('returns the relevant published posts with their excerpts, best first, at most three', async () => {
    // Prepare
    const { library } = await setUp();

    // Act
    const posts = await retrievePosts(library, 'How can I sleep better? I lie awake at night.');

    // Assess
    expect(posts.map((post) => post.slug)).toEqual(['sleeping-better']);
    expect(posts[0]).toMatchObject({ postId: SLEEP.postId, title: 'Sleeping better', excerpt: expect.stringContaining('same time') });
  });

  it('finds nothing for an off-topic question, for stop words only, and before any index exists', async () => {
    // Prepare
    const { library } = await setUp();

    // Act
    const offTopic = await retrievePosts(library, 'What is the best way to repair a bicycle chain?');
    const stopWords = await retrievePosts(library, 'what is it and how');
    const noIndex = await retrievePosts({ current: async () => undefined }, 'sleep');

    // Assess
    expect(offTopic).toEqual([]);
    expect(stopWords).toEqual([]);
    expect(noIndex).toEqual([]);
  });
});

describe('Use case: answerChat, grounded in the library', () => {
  it('gives the model the retrieved passages, and stores the reply with the posts it cites', async () => {
    // Prepare
    const { app, patient, library } = await setUp();
    const message = await ask(app, patient, 'Is ginger tea good for a cold with a sore throat?');
    const { model, calls } = recordingModel('Ginger tea or honey may soothe it; rest and drink fluids [1].');

    // Act
    const outcome = await answerChat({ ...app.deps, chatModel: model, library }, message, 1);

    // Assess
    expect(outcome).toBe('completed');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.library).toEqual([{ title: 'Colds and flu', excerpt: expect.stringContaining('Ginger tea') }]);
    // The model sees the conversation as before: the patient's turns, nothing more.
    expect(calls[0]!.turns).toEqual([{ role: 'user', content: 'Is ginger tea good for a cold with a sore throat?' }]);
    const messages = await storedMessages(app, patient.userId, message.conversationId);
    expect(messages.at(-1)).toEqual({
      role: 'assistant',
      content: 'Ginger tea or honey may soothe it; rest and drink fluids [1].',
      at: expect.any(String),
      source: 'model',
      citations: [{ postId: COLDS.postId, slug: 'colds-and-flu', title: 'Colds and flu' }],
    });
  });

  it('keeps a reply that cites nothing without citations', async () => {
    // Prepare
    const { app, patient, library } = await setUp();
    const message = await ask(app, patient, 'How can I sleep better?');
    const { model } = recordingModel('Keep a steady routine and a dark bedroom.');

    // Act
    await answerChat({ ...app.deps, chatModel: model, library }, message, 1);

    // Assess
    const reply = (await storedMessages(app, patient.userId, message.conversationId)).at(-1)!;
    expect(reply).toMatchObject({ content: 'Keep a steady routine and a dark bedroom.', source: 'model' });
    expect(reply.citations).toBeUndefined();
  });

  it('tells the model the library has nothing when nothing is relevant, and cites nothing even if it writes markers', async () => {
    // Prepare
    const { app, patient, library } = await setUp();
    const message = await ask(app, patient, 'What is the best way to repair a bicycle chain?');
    const { model, calls } = recordingModel('The CareBow library has nothing on that [1].');

    // Act
    await answerChat({ ...app.deps, chatModel: model, library }, message, 1);

    // Assess
    expect(calls[0]!.library).toEqual([]);
    expect(chatSystemPrompt('health_assistant', [])).toContain('The CareBow library has no reviewed article on this question');
    expect(chatSystemPrompt('health_assistant', [])).toMatch(/symptom check/);
    const reply = (await storedMessages(app, patient.userId, message.conversationId)).at(-1)!;
    expect(reply.citations).toBeUndefined();
  });

  it('never retrieves or cites a draft: a canary word only in unpublished text finds nothing', async () => {
    // Prepare: the content worker builds the index from the published snapshots of this content table.
    const app = inMemoryApp();
    const patient = await app.addUser();
    await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
    const table = inMemoryContentPublication();
    const index = inMemorySearchIndexStore();
    const snapshot = (post: LibraryPost, publishedVersion: number, body = post.body): RenderedSnapshot => ({
      ...post,
      body,
      category: 'general',
      tags: post.tags ?? [],
      language: 'en',
      reviewedByName: 'Dr. Demo',
      reviewedAt: '2026-11-01T00:00:00.000Z',
      publishedAt: '2026-11-02T00:00:00.000Z',
      publishedVersion,
    });
    const draft = { ...COLDS, postId: randomUUID(), slug: 'draft-remedy', title: `The ${CANARY_WORD} remedy`, body: `Try ${CANARY_WORD} for a cold.` };
    table.workingCopies.set(draft.postId, { postId: draft.postId, slug: draft.slug, status: 'draft', body: draft.body });
    // A published post whose working copy is being edited with the canary: readers (and the index) keep the published text.
    table.workingCopies.set(SLEEP.postId, { postId: SLEEP.postId, slug: SLEEP.slug, status: 'in_review', body: `${CANARY_WORD} pillows`, publishedVersion: 2 });
    table.snapshots.set(SLEEP.slug, snapshot(SLEEP, 2));
    for (const filler of FILLER_POSTS) {
      table.workingCopies.set(filler.postId, { postId: filler.postId, slug: filler.slug, status: 'published', body: filler.body, publishedVersion: 1 });
      table.snapshots.set(filler.slug, snapshot(filler, 1));
    }
    await reconcileLibrary({ publication: table.publication, renderer: new MarkedRenderer(), searchIndex: index.store });
    const message = await ask(app, patient, `Does the ${CANARY_WORD} remedy help a cold?`);
    const { model, calls } = recordingModel('Yes [1] [2] [3].');

    // Act
    await answerChat({ ...app.deps, chatModel: model, library: index.store }, message, 1);

    // Assess
    expect(await retrievePosts(index.store, CANARY_WORD, { minScore: 0 })).toEqual([]);
    expect(calls[0]!.library).toEqual([]);
    expect(JSON.stringify(calls[0]!.library)).not.toContain(CANARY_WORD);
    const reply = (await storedMessages(app, patient.userId, message.conversationId)).at(-1)!;
    expect(reply.citations).toBeUndefined();
    expect((await retrievePosts(index.store, 'sleep routine bedroom')).map((post) => post.slug)).toEqual(['sleeping-better']);
  });

  it('without a model, answers offline with the relevant posts’ titles and cites them', async () => {
    // Prepare
    const { app, patient, library } = await setUp();
    const message = await ask(app, patient, 'Tips for sleeping better?');

    // Act
    await answerChat({ ...app.deps, library }, message, 1);

    // Assess
    const reply = (await storedMessages(app, patient.userId, message.conversationId)).at(-1)!;
    expect(reply).toEqual({
      role: 'assistant',
      content: `${OFFLINE_REPLY} These reviewed articles in the CareBow library may help: [1] Sleeping better.`,
      at: expect.any(String),
      source: 'offline',
      citations: [{ postId: SLEEP.postId, slug: 'sleeping-better', title: 'Sleeping better' }],
    });
  });

  it('when the model stays unavailable, the last delivery’s offline reply says the library has nothing, citing nothing', async () => {
    // Prepare
    const { app, patient, library } = await setUp();
    const message = await ask(app, patient, 'How do I repair a bicycle chain?');
    const { model } = recordingModel(() => {
      throw new ModelUnavailableError('down', { reason: 'server_error' } as never);
    });

    // Act
    await answerChat({ ...app.deps, chatModel: model, library }, message, 99);

    // Assess
    const reply = (await storedMessages(app, patient.userId, message.conversationId)).at(-1)!;
    expect(reply).toMatchObject({ source: 'offline', content: `${OFFLINE_REPLY} The CareBow library has no article on this yet.` });
    expect(reply.citations).toBeUndefined();
    expect(app.metrics.fallbacks).toEqual(['server_error']);
  });

  it('answers a red-flag message with the emergency advice at once: nothing is queued, so no retrieval or model runs', async () => {
    // Prepare
    const { app, patient } = await setUp();

    // Act
    const sent = await sendChatMessage({ ...app.deps, modelConfigured: true }, patient, { message: 'I have crushing chest pain going down my left arm' }, META);

    // Assess
    expect(sent.pending).toBe(false);
    expect(sent.conversation.messages.at(-1)).toMatchObject({ source: 'rules' });
    expect(sent.conversation.messages.at(-1)!).not.toHaveProperty('citations');
    expect(app.queue.messages).toEqual([]);
  });
});
