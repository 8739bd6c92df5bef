import type { SeedPost } from './posts';

/** Seed posts: first aid. General guidance only: a first aid course teaches these skills properly. */
export const POSTS_FIRST_AID: readonly SeedPost[] = [
  {
    slug: 'burns-and-scalds',
    title: 'Burns and scalds: first aid and when a burn needs medical care',
    summary:
      'Cooling a burn quickly with running water makes a real difference. Step-by-step first aid for burns and scalds, what not to put on a burn, and which burns need a doctor or emergency care.',
    category: 'first-aid',
    tags: ['burns', 'scalds', 'first-aid', 'blisters', 'hot-water'],
    language: 'en',
    body: `Burns are damage to the skin caused by heat, such as flames, hot objects or the sun. Scalds are burns from hot liquids or steam. Quick first aid can reduce pain, scarring and the depth of the burn.

## First aid for a burn or scald

1. **Stop the burning**: move away from the heat source. If clothing is on fire, stop, drop and roll.
2. **Cool the burn under cool or lukewarm running water for 20 minutes.** Do not use ice, iced water or very cold water.
3. **Remove clothing and jewellery** near the burn, unless it is stuck to the skin.
4. **Keep the person warm** while cooling the burn, for example with a blanket over unaffected areas, especially children.
5. **Cover the burn** loosely with cling film laid in a single layer, or a clean plastic bag for a hand. Do not wrap it tightly.
6. Pharmacy pain relief can help. Follow the label or ask your pharmacist.

## What not to do

- Do not put butter, oil, toothpaste or creams on the burn.
- Do not burst blisters.
- Do not use fluffy dressings or cotton wool, which can stick.

## Chemical and electrical burns

For a chemical burn, remove contaminated clothing carefully and rinse the skin with plenty of running water. For an electrical burn, turn off the power before touching the person, if it is safe to do so. Both always need medical assessment.

## Caring for a minor burn afterwards

Keep it clean, watch for signs of infection (increasing redness, swelling, pus or fever), and check that tetanus vaccination is up to date.

## When to get help

See a doctor, nurse or urgent care service if:

- the burn is larger than the palm of the person's hand
- it has blistered, or looks white, charred or leathery
- it is on the face, hands, feet, joints or genitals
- it is a chemical or electrical burn
- the person is a child, is older, pregnant or has a long-term condition
- it shows signs of infection

**Call your local emergency number (such as 999, 112 or 911)** for large or deep burns, burns with difficulty breathing or after breathing in smoke, or if the person is confused, drowsy or unconscious. Keep cooling the burn while you wait.`,
  },
  {
    slug: 'cuts-and-bleeding',
    title: 'Cuts, grazes and bleeding: first aid that works',
    summary:
      'Most small cuts can be cleaned and cared for at home. How to stop bleeding with pressure, clean and cover a wound, spot infection, and recognise bleeding that is an emergency.',
    category: 'first-aid',
    tags: ['cuts', 'bleeding', 'wound', 'grazes', 'first-aid'],
    language: 'en',
    body: `Small cuts and grazes are part of everyday life and usually heal well with simple care. Knowing how to stop bleeding quickly is one of the most useful first aid skills.

## Stopping bleeding

1. If you can, wash your hands or wear gloves.
2. **Press firmly on the wound** with a clean cloth, towel or dressing.
3. Keep pressing steadily for at least ten minutes without lifting to check.
4. If blood soaks through, put another pad on top and keep pressing. Do not remove the first one.
5. If possible, raise the injured part above the level of the heart.

## Cleaning and covering a small cut

- Once bleeding has stopped, rinse the wound under clean running water.
- Gently remove any dirt you can see. Do not dig for objects stuck deep in a wound.
- Pat the area dry and cover it with a plaster or clean dressing.
- Change the dressing if it gets wet or dirty.

## Watching for infection

See a doctor or nurse if the wound becomes more painful, red, hot or swollen, oozes pus, smells, or if you develop a fever. Check that tetanus vaccination is up to date, especially after a dirty wound, an animal bite or a puncture wound.

## Nosebleeds

Sit up and lean forward. Pinch the soft part of the nose, just above the nostrils, for ten to fifteen minutes, breathing through the mouth. Do not tip the head back.

## When to get help

Get medical help the same day if:

- the cut is deep, gaping, or longer than about 5 cm, or may need stitches
- there is something stuck in the wound
- it is on the face, or over a joint
- it was caused by an animal or human bite
- you cannot feel or move normally beyond the wound

**Call your local emergency number (such as 999, 112 or 911)** if blood is spurting or pouring out, bleeding does not stop after ten minutes of firm pressure, there is a lot of blood loss, or the person is pale, cold, sweaty, breathing fast, confused or fainting. Keep pressing on the wound while you wait, and do not remove any large embedded object: press around it instead.`,
  },
  {
    slug: 'choking',
    title: 'Choking: what to do for an adult, a child or a baby',
    summary:
      'Choking happens when something blocks the airway. How to tell mild from severe choking, back blows and abdominal or chest thrusts, when to call for help, and how to lower the risk for young children.',
    category: 'first-aid',
    tags: ['choking', 'first-aid', 'babies', 'children', 'airway', 'emergency'],
    language: 'en',
    body: `Choking happens when food or an object gets stuck in the throat and blocks the airway. It can be life-threatening. Taking a first aid course is the best way to learn these steps with hands-on practice.

## Mild choking

The person can still cough, speak, cry or breathe. Encourage them to keep coughing, which may clear the blockage. Do not put your fingers in their mouth to search for the object. Stay with them.

## Severe choking

The person cannot cough effectively, speak, cry or breathe, and may be silent or clutching their throat. Act immediately and shout for help. Ask someone to **call your local emergency number (such as 999, 112 or 911)**.

**Adults and children over one year:**

1. Stand behind and slightly to one side. Support their chest and lean them forward.
2. Give up to five sharp back blows between the shoulder blades with the heel of your hand.
3. If that does not work, give up to five abdominal thrusts: stand behind them, put your arms around their waist, place a fist between the belly button and the bottom of the breastbone, hold it with your other hand and pull sharply inwards and upwards.
4. Keep alternating five back blows and five abdominal thrusts until help arrives or the object comes out.

**Babies under one year:**

1. Lay the baby face down along your thigh or forearm, supporting the head, with the head lower than the body.
2. Give up to five back blows between the shoulder blades.
3. If that does not work, turn the baby face up and give up to five chest thrusts with two fingers in the middle of the chest, just below the nipple line.
4. Do not use abdominal thrusts on babies.

## Lowering the risk for young children

- Cut small round foods such as grapes and cherry tomatoes lengthways into quarters.
- Keep small objects, coins, button batteries and magnets out of reach.
- Stay with young children while they eat, and make sure they sit down.

## When to get help

**Call your local emergency number straight away** for severe choking, or if the person becomes unresponsive: the call handler will guide you to start CPR.

Anyone who has had abdominal thrusts, or chest thrusts as a baby, should be checked by a doctor afterwards, even if they seem fine. See a doctor too if a cough or difficulty swallowing continues after a choking episode.`,
  },
  {
    slug: 'anaphylaxis-severe-allergic-reaction',
    title: 'Severe allergic reactions (anaphylaxis): signs and emergency steps',
    summary:
      'Anaphylaxis is a life-threatening allergic reaction that can develop within minutes. Its signs, how to use an adrenaline auto-injector, the right position while waiting for help, and living with a serious allergy.',
    category: 'first-aid',
    tags: ['anaphylaxis', 'allergy', 'adrenaline', 'epipen', 'emergency', 'first-aid'],
    language: 'en',
    body: `Anaphylaxis is a severe, life-threatening allergic reaction. It can happen within minutes of contact with a trigger, such as certain foods (peanuts, tree nuts, shellfish, milk or eggs), insect stings, medicines or latex. It is always an emergency.

## Signs of anaphylaxis

- swelling of the throat, tongue or lips
- difficulty breathing, wheezing, noisy breathing or a hoarse voice
- difficulty swallowing
- feeling faint, dizzy or confused, or collapsing
- pale, cold or clammy skin, or a fast heartbeat
- often, but not always, an itchy rash, hives or flushing

## What to do

1. **Use an adrenaline auto-injector straight away** if the person has one, following the instructions on the device. Note the time.
2. **Call your local emergency number (such as 999, 112 or 911)** and say it is anaphylaxis, even if they start to feel better.
3. **Position**: lie them down flat and raise their legs. If they are struggling to breathe, let them sit up. If they are pregnant, lie them on their left side. Do not make them stand or walk, even if they feel better.
4. If there is no improvement after about five minutes, use a second auto-injector if one is available.
5. If they stop breathing normally, start CPR as the call handler guides you.

## Mild allergic reactions

Mild reactions, such as an itchy rash or sneezing without breathing problems, can often be eased with an antihistamine from a pharmacy. Follow the label or ask your pharmacist. Watch closely for any signs of anaphylaxis.

## Living with a serious allergy

- Carry two in-date auto-injectors at all times, and make sure friends, family and colleagues know how to use them.
- Have an allergy action plan, and wear a medical alert bracelet.
- Check food labels and tell restaurants about your allergy.
- See an allergy specialist if your doctor suggests it.

## When to get help

**Call your local emergency number immediately** for any sign of anaphylaxis, even if an auto-injector has been used and the person feels better: symptoms can return. Everyone who has had anaphylaxis needs to be checked in hospital.

See a doctor about any allergic reaction you have not had before, to find out what caused it and how to stay safe.`,
  },
  {
    slug: 'head-injuries',
    title: 'Head injuries: what to watch for after a knock to the head',
    summary:
      'Most bumps to the head are minor, but some need urgent assessment. How to care for a minor head injury, the warning signs of something more serious, concussion, and who needs extra caution.',
    category: 'first-aid',
    tags: ['head-injury', 'concussion', 'first-aid', 'falls', 'children'],
    language: 'en',
    body: `Knocks and bumps to the head are common, especially in children and older adults. Most are minor and get better quickly. Some head injuries, however, can cause bleeding or swelling inside the skull and need urgent care.

## Caring for a minor head injury

- Hold a cold compress, such as a bag of frozen peas wrapped in a towel, on the bump for up to 20 minutes at a time.
- Rest, and avoid stress and screens for a day or two.
- Have an adult stay with the person for the first 24 hours.
- Pharmacy pain relief may help with a mild headache. Follow the label or ask your pharmacist.
- Do not drink alcohol or take sleeping tablets.
- Do not play contact sports until fully recovered and advised it is safe.

## Concussion

Concussion is a temporary problem with how the brain works after a blow to the head. Signs include headache, dizziness, feeling dazed, trouble remembering, and feeling sick. Most people recover within a few weeks, with a gradual return to normal activities. Return to school, work or sport step by step.

## Who needs extra caution

Get medical advice after any head injury if the person:

- takes blood thinners, or has a bleeding disorder
- is older, or has had brain surgery
- was drinking alcohol or taking drugs at the time
- is a baby or young child who is not acting normally

## When to get help

See a doctor or urgent care service if symptoms, such as a headache, are getting worse, or you are worried.

**Call your local emergency number (such as 999, 112 or 911) or go to an emergency department** if after a head injury the person:

- was knocked out, even briefly
- is being sick repeatedly
- is drowsy, confused, or difficult to wake
- has a severe headache that keeps getting worse
- has problems speaking, understanding, seeing or walking, or weakness in an arm or leg
- has a fit (seizure)
- has clear fluid or blood coming from the ears or nose
- has memory loss about the injury
- was injured at high speed or fell from a height

If you think they may have hurt their neck, keep them still and wait for help.`,
  },
];
