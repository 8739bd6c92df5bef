import type { SeedPost } from './posts';

/** Seed posts: medicines and safety, children and family, healthy ageing and home care. */
export const POSTS_CARE: readonly SeedPost[] = [
  {
    slug: 'taking-medicines-safely',
    title: 'Taking medicines safely: a practical checklist',
    summary:
      'How to take medicines as intended, keep track of several at once, avoid doubling up on the same ingredient, handle missed doses and side effects, and use your pharmacist as a resource.',
    category: 'medicines-and-safety',
    tags: ['medicines', 'side-effects', 'pharmacist', 'missed-dose', 'interactions'],
    language: 'en',
    body: `Medicines help millions of people, but they work best, and most safely, when taken as intended. This is especially important if you take several medicines, or care for someone who does.

## Before you start a medicine

- Read the patient leaflet that comes with it.
- Ask your doctor or pharmacist what it is for, how and when to take it, and for how long.
- Tell them about every other medicine you take, including pharmacy remedies, vitamins and herbal products.
- Mention allergies, pregnancy or breastfeeding, and any kidney or liver problems.

## Keeping track every day

- **Follow the label or your pharmacist's advice** on how much to take and when. Do not change the amount yourself.
- Take your tablets or pills at the same times each day. A pill organiser, phone alarm or chart can help you keep track.
- Check whether to take it with food or on an empty stomach.
- Do not share medicines, or take someone else's.

## Avoid doubling up

Many cold, flu and pain remedies (including hot drink sachets) contain the same ingredients, such as paracetamol (acetaminophen). Taking two products with the same ingredient can lead to an accidental overdose. Check the ingredients, and ask a pharmacist if unsure.

## If you miss a dose

Check the leaflet or ask your pharmacist. Do not take a double dose to make up for a missed one unless you have been told to.

## Side effects

Most side effects are mild and settle. If you think a medicine is causing a problem, talk to your pharmacist or doctor before stopping it: some medicines must not be stopped suddenly.

## Keep a list

Keep an up-to-date list of your medicines and allergies on your phone or in your wallet, and bring it to every appointment. Ask for a medicines review at least once a year if you take several.

## When to get help

Contact your pharmacist, doctor or urgent advice service if you are unsure whether it is safe to take a medicine, or you have taken more than you should, even if you feel well.

**Call your local emergency number (such as 999, 112 or 911)** if someone has taken an overdose and is drowsy, confused or unwell, or if you have swelling of the face, lips or tongue, difficulty breathing, or a severe rash after taking a medicine.`,
  },
  {
    slug: 'antibiotics-what-to-know',
    title: 'Antibiotics: when they help, when they do not, and why it matters',
    summary:
      'Antibiotics treat bacterial infections but do nothing for viruses like colds and flu. How to take them properly, common side effects, antibiotic resistance, and signs of an allergic reaction.',
    category: 'medicines-and-safety',
    tags: ['antibiotics', 'resistance', 'infection', 'medicines', 'allergy'],
    language: 'en',
    body: `Antibiotics are medicines that treat infections caused by bacteria. They have saved countless lives. But they do not work against viruses, which cause most colds, flu, coughs and sore throats, and using them when they are not needed causes harm.

## When antibiotics are not needed

Many common infections get better on their own, with rest and fluids:

- colds and flu
- most coughs, including many chest infections
- most sore throats and earaches
- many sinus infections

A doctor, nurse or pharmacist can tell you how long your symptoms are likely to last and what to watch for.

## Antibiotic resistance

Every time antibiotics are used, some bacteria can adapt so the medicine no longer works against them. These resistant bacteria can spread. This means that infections that were once easy to treat can become difficult or dangerous. Using antibiotics only when they are needed helps keep them working for everyone.

## If you are prescribed antibiotics

- Take them exactly as prescribed, at the right times, for as long as you are told. Follow the label or ask your pharmacist.
- Check whether to take them with food, and whether to avoid alcohol, dairy or other medicines.
- Do not save leftover antibiotics or share them with others. Return unused ones to a pharmacy.
- Tell the prescriber if you have ever had a reaction to an antibiotic.

## Common side effects

Some people get an upset stomach, diarrhoea or thrush. These are usually mild. Tell your pharmacist or doctor if they are troublesome.

## When to get help

Contact your doctor or pharmacist if:

- you are not improving after a few days of treatment, or you feel worse
- you develop severe or watery diarrhoea that does not settle, especially with tummy pain or fever
- you get a rash

**Call your local emergency number (such as 999, 112 or 911)** if you have swelling of the lips, face or tongue, difficulty breathing or swallowing, or feel faint after taking an antibiotic. These can be signs of a severe allergic reaction (anaphylaxis).`,
  },
  {
    slug: 'storing-and-disposing-of-medicines',
    title: 'Storing medicines safely at home and getting rid of old ones',
    summary:
      "Where to keep medicines so they stay effective and out of children's reach, how to check expiry dates, what to do with leftover or out-of-date medicines, and what to do after an accidental swallow.",
    category: 'medicines-and-safety',
    tags: ['medicines', 'storage', 'disposal', 'expiry-date', 'child-safety'],
    language: 'en',
    body: `How you store medicines affects how well they work, and who can get to them. Small children, confused adults and pets can be seriously harmed by medicines that look like sweets.

## Where to keep medicines

- Store them **out of sight and reach of children**, ideally in a locked cupboard or box, high up.
- Keep them in a cool, dry place. Bathrooms and kitchens near the cooker are often too warm and damp.
- Keep medicines in their original packaging with the label and leaflet.
- Some medicines, such as certain liquids, eye drops or insulin, need to be kept in the fridge. Check the label or ask your pharmacist.
- Never leave medicines in handbags, coat pockets or on bedside tables where children can reach them.

## Checking expiry dates

- Check dates regularly, for example twice a year.
- Some medicines, such as eye drops and liquids, only last a short time once opened. Write the opening date on the pack.
- Medicines that look or smell different from usual should not be used.

## Getting rid of medicines

- **Take unwanted or out-of-date medicines back to a pharmacy** or follow your local take-back scheme.
- Do not flush medicines down the toilet or sink, or put them in household rubbish, unless local guidance says so.
- Needles and other sharps should go in a proper sharps container. Ask your pharmacy or council how to dispose of it.

## Travelling with medicines

Carry medicines in your hand luggage in their original packaging, with a copy of your prescription or medicines list.

## When to get help

If a child or adult may have swallowed a medicine that is not theirs, or too much of their own, contact a poisons information service, pharmacist or urgent advice service straight away, even if they seem well. Keep the packaging to show the professional.

**Call your local emergency number (such as 999, 112 or 911)** if the person is drowsy, unconscious, having a fit, having trouble breathing, or behaving strangely. Do not try to make them vomit.`,
  },
  {
    slug: 'everyday-pain-relief',
    title: 'Everyday pain relief from the pharmacy: using it safely',
    summary:
      'Pharmacy painkillers can help with headaches, aches and fever. The main types, who should take extra care, avoiding hidden ingredients in combination products, and when pain needs a professional.',
    category: 'medicines-and-safety',
    tags: ['painkillers', 'pain-relief', 'paracetamol', 'ibuprofen', 'headache', 'medicines'],
    language: 'en',
    body: `Many people use pain relief from a pharmacy or shop for headaches, back pain, period pain, toothache or a fever. These medicines are useful, but they are still medicines and can cause harm if used wrongly.

## The main types

- **Paracetamol** (called acetaminophen in some countries) eases pain and fever. Taking more than the label allows can seriously damage the liver.
- **Anti-inflammatory painkillers** such as ibuprofen ease pain, fever and swelling. They can irritate the stomach and are not suitable for everyone.
- **Aspirin** is not suitable for children and young people under 16 unless a doctor advises it.

## Using them safely

- **Follow the label or ask your pharmacist** how much to take, how often, and the maximum in a day.
- Check every product's ingredients. Cold and flu remedies often contain a painkiller too, so it is easy to take the same one twice.
- Use the lowest amount that helps, for the shortest time.
- Do not take them for more than a few days without advice.

## Take extra care if you

- are pregnant or breastfeeding
- have asthma, stomach ulcers, or heart, kidney or liver problems
- take blood thinners or other regular medicines
- drink alcohol regularly
- are giving medicine to a child: use a children's product and check the age on the label

A pharmacist can help you choose a suitable option.

## Headaches from painkillers

Using painkillers on many days each month can cause more frequent headaches, sometimes called medication-overuse headaches. If you need pain relief often, speak to a doctor.

## When to get help

See a doctor if pain lasts longer than a few days, keeps coming back, or stops you sleeping or working.

Get urgent help the same day if you think you or someone else has taken too much paracetamol, even if they feel fine: liver damage may not show at first.

**Call your local emergency number (such as 999, 112 or 911)** for a sudden, very severe headache, chest pain, black or bloody vomit or poo, or swelling of the face with difficulty breathing.`,
  },
  {
    slug: 'fever-in-children',
    title: 'Fever in babies and children: caring for them and knowing the warning signs',
    summary:
      "Fever is common in children and often caused by minor infections. How to check a child's temperature, keep them comfortable and hydrated, and the danger signs that need urgent help, especially in young babies.",
    category: 'children-and-family',
    tags: ['fever', 'children', 'babies', 'temperature', 'rash'],
    language: 'en',
    body: `A high temperature is very common in babies and children. It is usually a sign the body is fighting a minor infection, such as a cold. In most children a temperature of 38 °C (100.4 °F) or more counts as a fever. How the child looks and behaves tells you more than the number.

## Checking their temperature

- Use a digital thermometer. Under the arm works well for babies and young children.
- Follow the instructions that came with it.

## Caring for a child with a fever

- **Offer plenty of fluids**: breast or formula milk for babies, water for older children.
- **Dress them in light clothes** and keep the room comfortable. Do not bundle them up, and do not sponge them with cold water.
- **Let them rest**, and check on them regularly, including during the night.
- **Children's medicines** for fever and pain can help if they are distressed. Use a product made for their age, and follow the label or ask your pharmacist. Do not give aspirin to children under 16.
- Keep them off nursery or school while they are unwell.

## Signs of dehydration

A dry mouth, no tears when crying, sunken eyes, fewer wet nappies, or dark urine.

## When to get help

Contact a doctor or your urgent advice service the same day if:

- your baby is **under 3 months** and has a temperature of 38 °C or more
- your baby is 3 to 6 months old and has a temperature of 39 °C or more
- the fever lasts five days or more
- your child is not feeding or drinking, or shows signs of dehydration
- you are worried, or your child seems to be getting worse

**Call your local emergency number (such as 999, 112 or 911)** if your child:

- has a rash that does not fade when you press a glass against it
- is floppy, very drowsy, hard to wake, or unusually irritable with a high-pitched cry
- has difficulty breathing, with grunting or sucking in under the ribs
- has a fit (seizure) for the first time
- has blue, grey or very pale skin, lips or tongue
- has a stiff neck or seems bothered by light

Trust your instincts: if you think your child is seriously ill, get help.`,
  },
  {
    slug: 'dehydration-in-children',
    title: 'Keeping children hydrated during tummy bugs and hot weather',
    summary:
      'Children can lose fluid quickly with vomiting, diarrhoea, fever or heat. The signs of dehydration in babies and children, how to give fluids little and often, and when a dehydrated child needs help.',
    category: 'children-and-family',
    tags: ['dehydration', 'children', 'diarrhoea', 'vomiting', 'fluids'],
    language: 'en',
    body: `Babies and young children have smaller bodies and lose fluid faster than adults. Vomiting, diarrhoea, fever and hot weather can all lead to dehydration, which can become serious quickly in young children.

## Signs of dehydration

- fewer wet nappies, or peeing less than usual
- dark yellow, strong-smelling urine
- a dry mouth, lips or tongue
- no tears when crying
- sunken eyes, or a sunken soft spot on top of a baby's head
- being unusually sleepy, irritable or floppy

## Giving fluids

- **Little and often** works best: small sips or spoonfuls every few minutes are easier to keep down than a big drink.
- **Keep breastfeeding** or giving formula milk to babies.
- **Oral rehydration solution** from a pharmacy replaces lost salts and sugar. Follow the label or ask your pharmacist how much to offer for your child's age.
- Avoid fizzy drinks and undiluted fruit juice, which can make diarrhoea worse.
- Offer food once your child wants it. There is no need to stop eating.

## Stopping a stomach bug spreading

Wash your hands and your child's hands with soap and water, especially after nappy changes and using the toilet. Keep children off nursery or school until 48 hours after the last episode of vomiting or diarrhoea.

## Hot weather

Offer drinks often, keep children in the shade, and never leave a child in a parked car.

## When to get help

Contact a doctor or your urgent advice service the same day if:

- your child shows signs of dehydration
- they cannot keep fluids down, or have been sick several times
- diarrhoea lasts more than five to seven days, or vomiting more than three days
- your baby is under 6 months old and has vomiting or diarrhoea

**Call your local emergency number (such as 999, 112 or 911)** if your child is very drowsy, floppy or hard to wake, has cold, pale or blotchy skin, is breathing fast, has not had a wet nappy or passed urine for 12 hours or more, has green vomit, blood in their poo, or severe tummy pain.`,
  },
  {
    slug: 'childhood-vaccinations',
    title: 'Childhood vaccinations: why they matter and what to expect',
    summary:
      "Vaccines protect children from serious infectious diseases. How vaccines work, how to keep track of your child's schedule, common mild reactions afterwards, and the rare signs that need help.",
    category: 'children-and-family',
    tags: ['vaccines', 'immunisation', 'children', 'babies', 'jabs'],
    language: 'en',
    body: `Vaccines (also called immunisations or jabs) are one of the most effective ways to protect children from serious diseases such as measles, whooping cough, polio and meningitis. When enough people are vaccinated, diseases also spread less, protecting babies and others who are too young or too unwell to be vaccinated.

## How vaccines work

A vaccine teaches the immune system to recognise a germ, so that if your child meets it later, their body can fight it off quickly. Vaccines are tested carefully before they are approved and are monitored for safety afterwards.

## Keeping on schedule

- Each country has its own vaccination schedule, starting in the first weeks of life. Your doctor, nurse or health visitor will tell you when each one is due.
- Keep your child's vaccination record safe and bring it to appointments.
- If your child has missed a vaccine, it is usually not too late to catch up. Ask your clinic.
- Tell the nurse if your child is unwell, has had a reaction before, or has a weakened immune system.

## Preparing for the appointment

- Hold your child close and stay calm; cuddles help.
- Breastfeeding or a favourite toy can comfort a baby.
- For older children, be honest that it may hurt a little for a moment.

## Common reactions afterwards

Mild reactions are normal and usually settle within a day or two:

- redness, swelling, soreness or a small lump where the injection was given (often the arm or leg)
- being a bit unsettled, grumpy or sleepy
- a mild fever

Offer extra feeds or drinks. Children's medicines for fever or pain can help if they are uncomfortable: use a product for their age and follow the label or ask your pharmacist.

## When to get help

Contact a doctor or nurse if a fever lasts more than two days, your child seems unwell, or redness at the injection site keeps spreading.

**Call your local emergency number (such as 999, 112 or 911)** if, soon after a vaccine, your child has swelling of the face, lips or tongue, difficulty breathing, a widespread rash with floppiness or paleness, or a fit. Severe allergic reactions are very rare, and staff at vaccination clinics are trained to treat them.`,
  },
  {
    slug: 'preventing-falls-at-home',
    title: 'Preventing falls at home: keeping older adults steady and safe',
    summary:
      'Falls are a leading cause of injury in older people, but many can be prevented. Simple home changes, strength and balance exercise, medicine and eyesight checks, and what to do after a fall.',
    category: 'healthy-ageing-and-home-care',
    tags: ['falls', 'older-adults', 'home-safety', 'balance', 'ageing'],
    language: 'en',
    body: `Falls become more common as we get older, and they can lead to broken bones, loss of confidence and loss of independence. The good news is that many falls can be prevented with small changes.

## Making the home safer

- Remove trip hazards: loose rugs, trailing cables and clutter on floors and stairs.
- Make sure rooms, hallways and stairs are well lit, and use night lights on the way to the bathroom.
- Fit grab rails by the toilet, bath and shower, and rails on both sides of the stairs.
- Use non-slip mats in the bath and shower.
- Keep things you use often within easy reach, so you do not need to climb.
- Wipe up spills straight away.

## Keeping your body steady

- **Strength and balance exercises**, such as tai chi or a falls prevention class, are among the most effective ways to prevent falls.
- Stay active every day.
- Wear well-fitting shoes or slippers with a good grip and backs.
- Get up slowly from lying or sitting, especially at night.

## Health checks that help

- **Medicines review**: some medicines can cause dizziness or drowsiness. Ask your doctor or pharmacist to review them, especially if you take several.
- **Eyesight**: have regular eye tests and keep glasses clean.
- **Feet**: painful feet affect balance, so see a foot health professional if needed.
- Mention any dizziness, blackouts or fear of falling to your doctor.

## If you fall

Stay calm and check for pain. If you are not hurt, roll onto your hands and knees, crawl to a sturdy chair, and get up slowly. If you cannot get up, call for help, keep warm, and move your legs gently while you wait. A personal alarm or keeping a phone within reach can help.

## When to get help

See a doctor after any fall, even without injury, as there may be a cause that can be treated.

**Call your local emergency number (such as 999, 112 or 911)** if someone cannot get up, has hit their head and is drowsy, confused or being sick, has severe pain or cannot move a limb, or is bleeding heavily, especially if they take blood thinners.`,
  },
  {
    slug: 'caring-for-someone-at-home',
    title: 'Caring for a loved one at home: practical tips for family carers',
    summary:
      'Looking after someone at home can be rewarding and demanding. Everyday care, protecting skin and preventing pressure sores, managing medicines, looking after yourself, and knowing when to call for help.',
    category: 'healthy-ageing-and-home-care',
    tags: ['carers', 'home-care', 'pressure-sores', 'older-adults', 'caregiving'],
    language: 'en',
    body: `Many people care for a partner, parent or relative at home. Caring can be meaningful, but it is also hard work. Good organisation, the right support and looking after your own health all make it easier.

## Everyday care

- Encourage the person to do what they can for themselves, to keep their strength and independence.
- Offer drinks regularly and help with balanced meals. Older people may not feel thirsty even when they need fluids.
- Keep a routine for waking, meals, activity and sleep.
- Keep a notebook of changes in health, appointments and questions for professionals.

## Protecting the skin

People who spend long periods in bed or in a chair can develop pressure sores (pressure ulcers):

- help them change position regularly
- check the skin daily, especially heels, hips, the base of the spine and elbows, for red, darker or painful areas
- keep skin clean and dry, and bedding smooth
- ask a nurse about pressure-relieving cushions or mattresses

## Medicines

Use a chart or pill organiser, and ask the pharmacist about packs that make doses easier to manage. Ask for a medicines review if the person takes several medicines.

## Looking after yourself

- Accept help from friends and family, and say what you need.
- Ask about respite care, carers' assessments and local carer groups.
- Keep your own appointments and try to get rest.
- Tell your doctor that you are a carer.

## When to get help

Contact the person's doctor or nurse if you notice new or worsening pressure sores, they are eating or drinking much less, they seem more unwell, or you are struggling to cope.

**Call your local emergency number (such as 999, 112 or 911)** if the person suddenly becomes very confused or drowsy, has difficulty breathing, chest pain, signs of a stroke (face drooping, arm weakness, slurred speech), a fall with a head injury, or you cannot wake them.`,
  },
  {
    slug: 'sudden-confusion-delirium',
    title: 'Sudden confusion in older people (delirium): what families should know',
    summary:
      'Delirium is a sudden change in thinking and behaviour, often caused by an infection, dehydration or medicines. How it differs from dementia, how to spot it, how to help, and why it needs urgent assessment.',
    category: 'healthy-ageing-and-home-care',
    tags: ['delirium', 'confusion', 'older-adults', 'dementia', 'infection'],
    language: 'en',
    body: `Delirium is a sudden change in someone's mental state. A person who was managing well may become confused, agitated or unusually sleepy within hours or days. It is common in older people, especially those who are unwell, in hospital or living with dementia. Delirium is a sign that something is wrong in the body and should always be checked.

## Signs of delirium

- confusion about where they are or what time it is
- difficulty paying attention or following a conversation
- being restless, agitated or aggressive, or unusually quiet and drowsy
- seeing or hearing things that are not there
- symptoms that come and go, often worse in the evening or at night

## Delirium or dementia?

Dementia usually develops slowly over months or years. Delirium comes on quickly. A person with dementia can also develop delirium, so a sudden worsening of their confusion should not be put down to dementia.

## Common causes

- infections, such as a chest or urine infection
- dehydration or constipation
- new medicines, or changes to medicines
- pain, poor sleep, or being in unfamiliar surroundings
- low blood sugar, or alcohol withdrawal

## How families can help

- Stay calm, speak clearly, and remind them gently where they are.
- Keep their glasses and hearing aids within reach and working.
- Keep a clock and familiar objects nearby, and keep rooms well lit in the day and quiet at night.
- Encourage drinks and meals.
- Tell professionals what the person is normally like: you know them best.

Delirium often improves once the cause is treated, but recovery can take days or weeks.

## When to get help

Contact a doctor or urgent advice service **the same day** if someone becomes suddenly confused or their usual confusion suddenly gets worse.

**Call your local emergency number (such as 999, 112 or 911)** if they are very drowsy or hard to wake, have difficulty breathing, chest pain, a high temperature with cold or blotchy skin, signs of a stroke such as a drooping face or weak arm, or a recent head injury.`,
  },
];
